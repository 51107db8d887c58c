// Step 3: lookups by name within a type, and by the fields the API filters on.
CREATE INDEX organisation_name IF NOT EXISTS FOR (n:Organisation) ON (n.name);
CREATE INDEX organisation_type IF NOT EXISTS FOR (n:Organisation) ON (n.orgType);
CREATE INDEX organisation_business_id IF NOT EXISTS FOR (n:Organisation) ON (n.businessId);
CREATE INDEX city_name IF NOT EXISTS FOR (n:City) ON (n.name);
CREATE INDEX region_name IF NOT EXISTS FOR (n:Region) ON (n.name);
CREATE INDEX project_name IF NOT EXISTS FOR (n:Project) ON (n.name);
CREATE INDEX project_period IF NOT EXISTS FOR (n:Project) ON (n.startDate, n.endDate);
CREATE INDEX person_name IF NOT EXISTS FOR (n:Person) ON (n.name);
CREATE INDEX theme_name IF NOT EXISTS FOR (n:Theme) ON (n.name);
