// Every visible project of a workspace with what overlap scoring and the specialisation matrix need.
// Cities are where the project is run: its own LOCATED_IN cities, then its lead's and partners'
// LOCATED_IN cities (in that order, duplicates possible). Cities that are themselves lead or partner
// (a city in a joint project) are in partnerCities, not in cities. Regions: the project's and its
// lead/partner organisations' LOCATED_IN regions and the IN_REGION regions of all those cities.
// Parameters: $workspaceId, $projectIds (null for every project, or a list to read only those).
// Columns: project ({id, name, nameEn, description, goals, startDate, endDate, budgetEur, version}),
// themes ([id]), cities ([{id, name}]), partnerCities ([{id, name}]), regions ([{id, name}]),
// partners ([{id, name, type: Organisation | Other, cityIds, regionIds}]), funders ([{id, name}]), programmes ([{id, name}]).
// Given ids are looked up by the unique id index, not found among the workspace's every node.
MATCH (w:Workspace {id: $workspaceId})
CALL (w) {
  WITH w WHERE $projectIds IS NULL
  MATCH (w)<-[:IN_WORKSPACE]-(p:Project)
  RETURN p
  UNION
  WITH w WHERE $projectIds IS NOT NULL
  UNWIND $projectIds AS projectId
  MATCH (p:Entity {id: projectId})-[:IN_WORKSPACE]->(w)
  WHERE p:Project
  RETURN p
}
WITH p WHERE coalesce(p.hidden, false) = false
CALL (p) {
  OPTIONAL MATCH (p)-[:FOCUSES_ON]->(t:Theme)
  WHERE coalesce(t.hidden, false) = false
  RETURN collect(DISTINCT t.id) AS themes
}
CALL (p) {
  OPTIONAL MATCH (p)-[:LOCATED_IN]->(c:City)
  RETURN collect(DISTINCT c {.id, .name}) AS ownCities
}
CALL (p) {
  OPTIONAL MATCH (o:Organisation)-[r:LEADS|PARTNER_IN]->(p)
  WHERE coalesce(o.hidden, false) = false
  OPTIONAL MATCH (o)-[:LOCATED_IN]->(c:City)
  OPTIONAL MATCH (c)-[:IN_REGION]->(cr:Region)
  OPTIONAL MATCH (o)-[:LOCATED_IN]->(dr:Region)
  WITH o, type(r) AS role, collect(DISTINCT c {.id, .name}) AS orgCities, collect(DISTINCT cr.id) + collect(DISTINCT dr.id) AS orgRegionIds
  ORDER BY CASE role WHEN 'LEADS' THEN 0 ELSE 1 END, o.id
  WITH collect(CASE WHEN o IS NULL THEN null ELSE {id: o.id, name: o.name, type: 'Organisation', cities: orgCities, regionIds: orgRegionIds} END) AS orgs
  RETURN orgs
}
CALL (p) {
  OPTIONAL MATCH (c:City)-[:LEADS|PARTNER_IN]->(p)
  RETURN collect(DISTINCT c {.id, .name}) AS partnerCities
}
CALL (p) {
  OPTIONAL MATCH (x)-[:LEADS|PARTNER_IN]->(p)
  WHERE NOT x:Organisation AND coalesce(x.hidden, false) = false
  RETURN collect(DISTINCT x {.id, .name}) AS otherPartners
}
CALL (p) {
  OPTIONAL MATCH (p)-[:LOCATED_IN]->(r1:Region)
  RETURN collect(DISTINCT r1 {.id, .name}) AS ownRegions
}
CALL (p) {
  OPTIONAL MATCH (p)-[:LOCATED_IN]->(:City)-[:IN_REGION]->(r:Region)
  RETURN collect(DISTINCT r {.id, .name}) AS ownCityRegions
}
CALL (p) {
  OPTIONAL MATCH (o:Organisation)-[:LEADS|PARTNER_IN]->(p)
  OPTIONAL MATCH (o)-[:LOCATED_IN]->(r:Region)
  RETURN collect(DISTINCT r {.id, .name}) AS orgRegions
}
CALL (p) {
  OPTIONAL MATCH (o:Organisation)-[:LEADS|PARTNER_IN]->(p)
  OPTIONAL MATCH (o)-[:LOCATED_IN]->(:City)-[:IN_REGION]->(r:Region)
  RETURN collect(DISTINCT r {.id, .name}) AS orgCityRegions
}
CALL (p) {
  OPTIONAL MATCH (f)-[:FUNDS]->(p)
  RETURN collect(DISTINCT f {.id, .name}) AS funders1
}
CALL (p) {
  OPTIONAL MATCH (p)-[:FUNDED_BY]->(f)
  RETURN collect(DISTINCT f {.id, .name}) AS funders2
}
CALL (p) {
  OPTIONAL MATCH (p)-[:PART_OF]->(g:Programme)
  RETURN collect(DISTINCT g {.id, .name}) AS programmes
}
RETURN p {.id, .name, .nameEn, .description, .goals, .startDate, .endDate, .budgetEur, .version} AS project,
  themes,
  ownCities + reduce(acc = [], o IN orgs | acc + o.cities) AS cities,
  partnerCities,
  ownRegions + ownCityRegions + orgRegions + orgCityRegions AS regions,
  [o IN orgs | {id: o.id, name: o.name, type: o.type, cityIds: [c IN o.cities | c.id], regionIds: o.regionIds}]
    + [x IN otherPartners | {id: x.id, name: x.name, type: 'Other', cityIds: [], regionIds: []}] AS partners,
  funders1 + funders2 AS funders,
  programmes
ORDER BY p.id
