// Projects' money in a workspace: totals and the largest projects by budget.
// Parameters: $workspaceId, $limit (integer).
// Columns: projectCount, budgetEur (sum, null when no project has one), euShareEur (sum, null when none),
//   withBudget (projects with a budget), top (list of {id, name, budgetEur, euShareEur, status, lead}).
MATCH (w:Workspace {id: $workspaceId})
CALL (w) {
  MATCH (w)<-[:IN_WORKSPACE]-(p:Project)
  WHERE p.hidden IS NULL OR p.hidden = false
  RETURN count(p) AS projectCount, sum(p.budgetEur) AS budgetSum, sum(p.euShareEur) AS euSum,
    count(p.budgetEur) AS withBudget, count(p.euShareEur) AS withEuShare
}
CALL (w) {
  MATCH (w)<-[:IN_WORKSPACE]-(p:Project)
  WHERE (p.hidden IS NULL OR p.hidden = false) AND p.budgetEur IS NOT NULL
  WITH p ORDER BY p.budgetEur DESC, p.id LIMIT $limit
  OPTIONAL CALL (p) {
    MATCH (p)<-[:LEADS]-(lead:Organisation)
    RETURN lead.name AS lead ORDER BY lead.name LIMIT 1
  }
  RETURN collect({id: p.id, name: p.name, budgetEur: p.budgetEur, euShareEur: p.euShareEur, status: p.status, lead: lead}) AS top
}
RETURN projectCount, CASE WHEN withBudget > 0 THEN budgetSum END AS budgetEur,
  CASE WHEN withEuShare > 0 THEN euSum END AS euShareEur, withBudget, top
