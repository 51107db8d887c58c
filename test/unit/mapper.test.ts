/**
 * The one mapper between Neo4j values and JSON (api/infra/mapper.ts): temporal values as ISO strings
 * in UTC, whatever offset or zone they were stored with; integers as numbers; epoch-millisecond
 * timestamps of the graph query as the same ISO strings.
 */
import neo4j from 'neo4j-driver';
import { epochMillisToIso, fromNeo4j } from '../../api/infra/mapper';

const { DateTime, LocalDateTime, Date: Neo4jDate } = neo4j.types;

test('a DATETIME becomes its instant in UTC, with milliseconds, for Z, an offset and a zone id', () => {
  expect(fromNeo4j(new DateTime(2026, 11, 24, 1, 2, 3, 456_789_000, 0))).toBe('2026-11-24T01:02:03.456Z');
  expect(fromNeo4j(new DateTime(neo4j.int(2026), neo4j.int(11), neo4j.int(24), neo4j.int(1), neo4j.int(2), neo4j.int(3), neo4j.int(456_000_000), neo4j.int(7200)))).toBe('2026-11-23T23:02:03.456Z');
  // Across a month and a year end, westwards.
  expect(fromNeo4j(new DateTime(2025, 12, 31, 23, 30, 0, 0, -3600))).toBe('2026-01-01T00:30:00.000Z');
  // A zone id with its offset, as the server sends one (its toString() is not a date JavaScript parses).
  const helsinki = new DateTime(2023, 11, 15, 0, 13, 20, 1_000_000, 7200, 'Europe/Helsinki');
  expect(fromNeo4j(helsinki)).toBe('2023-11-14T22:13:20.001Z');
  expect(() => new Date(helsinki.toString()).toISOString()).toThrow(RangeError);
});

test('each DATETIME of a 1,000-value sweep matches the driver’s own conversion', () => {
  for (let i = 0; i < 1000; i++) {
    const ms = Date.UTC(2020, 0, 1) + i * 7_654_321_987;
    const v = DateTime.fromStandardDate(new Date(ms));
    expect(fromNeo4j(v)).toBe(v.toStandardDate().toISOString());
    expect(fromNeo4j(v)).toBe(new Date(ms).toISOString());
  }
});

test('dates stay dates, local date-times and integers are converted, nested values too', () => {
  expect(fromNeo4j(new Neo4jDate(2024, 2, 29))).toBe('2024-02-29');
  expect(fromNeo4j(new LocalDateTime(2026, 1, 1, 10, 0, 0, 0))).toBe(new Date('2026-01-01T10:00:00').toISOString());
  expect(fromNeo4j({ n: neo4j.int(42), list: [neo4j.int(1), 'Åbo'], nested: { at: new DateTime(2026, 5, 1, 12, 0, 0, 0, 0) } })).toEqual({
    n: 42,
    list: [1, 'Åbo'],
    nested: { at: '2026-05-01T12:00:00.000Z' },
  });
});

test('epoch-millisecond timestamps become ISO strings; a null one is left out; others are untouched', () => {
  const ms = Date.UTC(2026, 10, 24, 1, 2, 3, 456);
  expect(epochMillisToIso({ id: 'org-ääne', createdAt: ms, updatedAt: null, name: 'Ääneseudun Energia Oy', version: 3 })).toEqual({
    id: 'org-ääne',
    createdAt: '2026-11-24T01:02:03.456Z',
    name: 'Ääneseudun Energia Oy',
    version: 3,
  });
});
