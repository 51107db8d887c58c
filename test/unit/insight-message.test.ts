/** The Finnish and English sentence of an 'insight:overlaps' event. */
import { inessive, insightMessage } from '../../api/services/project-overlaps';

test.each([
  ['Vaasa', 'Vaasassa'],
  ['Kokkola', 'Kokkolassa'],
  ['Pori', 'Porissa'],
  ['Jyväskylä', 'Jyväskylässä'],
  ['Kuopio', 'Kuopiossa'],
  ['Turku', 'Turussa'],
  ['Lappeenranta', 'Lappeenrannassa'],
  ['Tampere', 'Tampereella'],
  ['Skellefteå', 'Skellefteåssa'],
  ['Luleå', 'Luulajassa'],
])('in %s: %s', (city, expected) => expect(inessive(city)).toBe(expected));

test('a new project with overlaps in two cities', () => {
  expect(insightMessage({ version: 1, cities: [{ id: 'city-vaasa', name: 'Vaasa' }] }, ['Kokkola', 'Pori'])).toEqual({
    fi: 'Uusi hanke Vaasassa on päällekkäinen 2 hankkeen kanssa Kokkolassa ja Porissa.',
    en: 'A new project in Vaasa overlaps with 2 projects in Kokkola and Pori.',
  });
});

test('an edited project without a city, one overlap whose city is unknown', () => {
  expect(insightMessage({ version: 3, cities: [] }, [null])).toEqual({
    fi: 'Hanke on päällekkäinen yhden hankkeen kanssa muissa kaupungeissa.',
    en: 'A project overlaps with a project in other cities.',
  });
});
