import { test } from 'node:test';
import assert from 'node:assert/strict';
import { times } from './test-helpers.js';

// Publication date in these examples: Monday 2021-01-18 unless said otherwise.

test('numeric dates: dots are day-first, ISO as written', () => {
  assert.deepEqual(times('The ballots were counted on 07.01.2021 in the capital.'), [['07.01.2021', 'DATE', '2021-01-07']]);
  assert.deepEqual(times('A filing dated 2020-11-30 shows the loan.'), [['2020-11-30', 'DATE', '2020-11-30']]);
  assert.deepEqual(times('The vote on 1/7/2021 was close.'), [['1/7/2021', 'DATE', '2021-01-07']]);
});

test('month and day without a year take the nearest past year', () => {
  assert.deepEqual(times('Troops crossed the river on January 3.'), [['January 3', 'DATE', '2021-01-03']]);
  assert.deepEqual(times('The mayor resigned on December 28.'), [['December 28', 'DATE', '2020-12-28']]);
  // Far in the future from publication: the previous year.
  assert.deepEqual(times('The plant closed on October 9.'), [['October 9', 'DATE', '2020-10-09']]);
  assert.deepEqual(times('Farmers marched on 3 January 2020.'), [['3 January 2020', 'DATE', '2020-01-03']]);
});

test('the second day of a pair shares the month', () => {
  assert.deepEqual(times('The summit will be held on March 24 and 25.'), [['March 24', 'DATE', '2021-03-24'], ['25', 'DATE', '2021-03-25']]);
  assert.deepEqual(times('Polls close on Jan. 12 or 13, 2020.').map((t) => t[2]).slice(1), ['2020-01-13']);
  // A count after "and" is not a day.
  assert.deepEqual(times('On March 24 and 25 percent of voters stayed home.').map((t) => t[0]), ['March 24']);
});

test('a day said as an ordinal word, as transcripts write dates', () => {
  assert.deepEqual(times('Rescue teams reached the village on February ninth.'), [['February ninth', 'DATE', '2021-02-09']]);
  assert.deepEqual(times('The truce took hold on the twenty-first of June, nineteen ninety-eight.'), [['the twenty-first of June, nineteen ninety-eight', 'DATE', '1998-06-21']]);
  assert.deepEqual(times('Ballots are due by December the thirty-first, 2020.'), [['December the thirty-first, 2020', 'DATE', '2020-12-31']]);
  // A weekday said before the date, with its "this coming", is one expression.
  assert.deepEqual(times('Marchers gather this coming Sunday, January twenty-fourth.'), [['this coming Sunday, January twenty-fourth', 'DATE', '2021-01-24']]);
  assert.deepEqual(times('Police closed the bridge last Friday, January 15.'), [['last Friday, January 15', 'DATE', '2021-01-15']]);
  // An ordinal that counts something else is no day.
  assert.deepEqual(times('In March the second round of talks failed.').map((t) => t[0]), ['March']);
  assert.deepEqual(times('Nobody may first ask for a recount.'), []);
});

test('a day said as a counting word, as wire copy spells numbers under ten', () => {
  assert.deepEqual(times('The last attack took place on March eight, when a tanker was hit.'), [['March eight', 'DATE', '2021-03-08']]);
  assert.deepEqual(times('The border stayed shut from January twenty-one.'), [['January twenty-one', 'DATE', '2021-01-21']]);
  assert.deepEqual(times('Talks resumed on November three, 1986.'), [['November three, 1986', 'DATE', '1986-11-03']]);
  // Not introduced as a date, or counting what follows: a month and a number.
  assert.deepEqual(times('In March two people died.').map((t) => t[0]), ['March']);
  assert.deepEqual(times('By March five soldiers had deserted.').map((t) => t[0]), ['March']);
});

test('a month-day in a future clause is the next one', () => {
  assert.deepEqual(times('The council will vote on March 9.'), [['March 9', 'DATE', '2021-03-09']]);
});

test('without a publication date values keep only what the text says', () => {
  assert.deepEqual(times('Troops crossed the river on January 3.', null), [['January 3', 'DATE', 'XXXX-01-03']]);
  assert.deepEqual(times('The strike began on Wednesday.', null), [['Wednesday', 'DATE', 'XXXX-WXX-3']]);
  assert.deepEqual(times('The port reopened last year.', null), [['last year', 'DATE', 'XXXX']]);
});

test('years: prepositions stay out of the span, modifiers stay in', () => {
  assert.deepEqual(times('The party was founded in 2016.'), [['2016', 'DATE', '2016']]);
  assert.deepEqual(times('Prices fell sharply in late 2019.'), [['late 2019', 'DATE', '2019']]);
  assert.deepEqual(times('The border has been closed since 2003.'), [['2003', 'DATE', '2003']]);
  assert.deepEqual(times('Rebels were active in the 1990s.'), [['the 1990s', 'DATE', '199']]);
  assert.deepEqual(times('The post-1989 reforms reshaped the economy.'), [['post-1989', 'DATE', '1989']]);
  assert.deepEqual(times('Its pre-2008 loans went bad.'), [['pre-2008', 'DATE', '2008']]);
});

test('a half of a year is its H1 or H2', () => {
  assert.deepEqual(times('Output rose in the first half of 2019.'), [['the first half of 2019', 'DATE', '2019-H1']]);
  assert.deepEqual(times('Margins should widen in the second half of 2021.'), [['the second half of 2021', 'DATE', '2021-H2']]);
  assert.deepEqual(times('Orders slumped through the last half of 2018.'), [['the last half of 2018', 'DATE', '2018-H2']]);
  assert.deepEqual(times('Demand will stay weak for the first two quarters of 2022.'), [['the first two quarters of 2022', 'DATE', '2022-H1']]);
  assert.deepEqual(times('The mine reopens in the second half of next year.'), [['the second half of next year', 'DATE', '2022-H2']]);
  // A decade has no halves in TIMEX3: the decade stays.
  assert.deepEqual(times('Wages stalled in the last half of the 1970s.'), [['the last half of the 1970s', 'DATE', '197']]);
});

test('a four-digit count is not a year', () => {
  assert.deepEqual(times('Some 2000 troops were sent north.'), []);
  assert.deepEqual(times('The fine was $1999 in total.'), []);
});

test('months with and without a year', () => {
  assert.deepEqual(times('Talks collapsed in December 2020.'), [['December 2020', 'DATE', '2020-12']]);
  assert.deepEqual(times('The dam burst in October 2019.'), [['October 2019', 'DATE', '2019-10']]);
  assert.deepEqual(times('Fighting resumed in November.'), [['November', 'DATE', '2020-11']]);
  assert.deepEqual(times('The ceasefire held until early December.'), [['early December', 'DATE', '2020-12']]);
  // "may" the verb is not a month.
  assert.deepEqual(times('The court may rule against him.'), []);
  // Nor in a headline's capitals.
  assert.deepEqual(times('JAPAN WARNS U.S. IT MAY RETALIATE IN TRADE DISPUTE'), []);
  assert.deepEqual(times('ELECTIONS SET FOR MAY 1988').map((t) => t[0]), ['MAY 1988']);
  // A month name before "for"/"of" and a capitalised name is an event: "the March for Peace".
  assert.deepEqual(times('Thousands joined the March for Peace downtown.'), []);
  assert.deepEqual(times('She led the March of the Mothers to the palace.'), []);
  assert.deepEqual(times('Prices rose in March of the same year.').map((t) => t[0]), ['March', 'the same year']);
});

test('relative years, months and weeks', () => {
  assert.deepEqual(times('Exports doubled last year.'), [['last year', 'DATE', '2020']]);
  assert.deepEqual(times('The law passed at the end of last year.'), [['the end of last year', 'DATE', '2020']]);
  assert.deepEqual(times('The dispute began a year ago.'), [['a year ago', 'DATE', '2020']]);
  assert.deepEqual(times('Elections are due next year.'), [['next year', 'DATE', '2022']]);
  assert.deepEqual(times('Inflation rose earlier this month.'), [['earlier this month', 'DATE', '2021-01']]);
  assert.deepEqual(times('The envoy arrived three days ago.'), [['three days ago', 'DATE', '2021-01-15']]);
  assert.deepEqual(times('Two ministers quit last week.'), [['last week', 'DATE', '2021-W02']]);
});

test('weekdays: the last one before publication unless the clause is future', () => {
  assert.deepEqual(times('Police raided the office on Wednesday.'), [['Wednesday', 'DATE', '2021-01-13']]);
  assert.deepEqual(times('The union will strike on Wednesday.'), [['Wednesday', 'DATE', '2021-01-20']]);
  assert.deepEqual(times('A rally is scheduled for Friday.'), [['Friday', 'DATE', '2021-01-22']]);
  assert.deepEqual(times('Gunmen attacked the base last Monday.'), [['last Monday', 'DATE', '2021-01-11']]);
  assert.deepEqual(times('Shelling resumed on Saturday night.'), [['Saturday night', 'TIME', '2021-01-16TNI']]);
});

test('days named from publication', () => {
  assert.deepEqual(times('Two people died yesterday.'), [['yesterday', 'DATE', '2021-01-17']]);
  assert.deepEqual(times('The talks resume today.'), [['today', 'DATE', '2021-01-18']]);
  assert.deepEqual(times('Sirens sounded last night.'), [['last night', 'TIME', '2021-01-17TNI']]);
  assert.deepEqual(times('The minister spoke this morning.'), [['this morning', 'TIME', '2021-01-18TMO']]);
});

test('"the end of the month" keeps its article', () => {
  assert.deepEqual(times('Troops should arrive by the end of the month.').map((t) => t[0]), ['the end of the month']);
});

test('clock times come from chrono without the preposition', () => {
  assert.deepEqual(times('The blast happened at 3 p.m. on the bridge.'), [['3 p.m.', 'TIME', '2021-01-18T15:00']]);
  // A price after "at" is no clock time, even when chrono reads its first digits as one.
  assert.deepEqual(times('The fund may buy more shares after March 1, 2021 at 1,250 pesos each.'), [['March 1, 2021', 'DATE', '2021-03-01']]);
});

test('durations', () => {
  assert.deepEqual(times('The siege lasted three days.'), [['three days', 'DURATION', 'P3D']]);
  assert.deepEqual(times('He was held for 48 hours.'), [['48 hours', 'DURATION', 'PT48H']]);
  assert.deepEqual(times('The mine has been shut for years.'), [['years', 'DURATION', 'PXY']]);
  // "the weeks ahead", "the years that followed": vague stretches, not next week or next year.
  assert.deepEqual(times('Lenders expect more defaults in the weeks ahead.'), [['the weeks ahead', 'DURATION', 'PXW']]);
  // "one day" after a modal is "some day", a vague future; elsewhere it is a day long.
  assert.deepEqual(times('The village could one day host the games.'), [['one day', 'DATE', 'FUTURE_REF']]);
  assert.deepEqual(times('The strike lasted one day.'), [['one day', 'DURATION', 'P1D']]);
  // "for a while" states no unit: PXX.
  assert.deepEqual(times('The road will stay shut for a while.'), [['a while', 'DURATION', 'PXX']]);
  assert.deepEqual(times('While talks went on, troops waited.'), []);
  assert.deepEqual(times('In the years that followed, the valley emptied.'), [['the years', 'DURATION', 'PXY']]);
  // "past years" is a vague stretch, like "recent years", not the date a year ago.
  assert.deepEqual(times('There were sell-offs in past years, too.'), [['past years', 'DURATION', 'PXY']]);
  assert.deepEqual(times('They signed a five-year deal.'), [['five-year', 'DURATION', 'P5Y']]);
  assert.deepEqual(times('Rain fell for half an hour.'), [['half an hour', 'DURATION', 'PT30M']]);
  assert.deepEqual(times('Prices rose over the past three months.'), [['the past three months', 'DURATION', 'P3M']]);
  // An age is not a duration.
  assert.deepEqual(times('A 34-year-old man was detained.'), []);
});

test('sets', () => {
  assert.deepEqual(times('Inspectors visit every week.'), [['every week', 'SET', 'P1W']]);
  assert.deepEqual(times('The list is updated weekly.'), [['weekly', 'SET', 'P1W']]);
  assert.deepEqual(times('The board meets twice a year.'), [['a year', 'SET', 'P1Y']]);
  assert.deepEqual(times('Markets open every Monday.'), [['every Monday', 'SET', 'XXXX-WXX-1']]);
  // "quarterly" before a noun names a kind of thing, not a time; "daily", "weekly" keep their rhythm.
  assert.deepEqual(times('It pays a quarterly dividend.'), []);
  assert.deepEqual(times('The mayor gave his weekly radio address.'), [['weekly', 'SET', 'P1W']]);
  assert.deepEqual(times('Crowds gathered for a daily vigil.'), [['daily', 'SET', 'P1D']]);
});

test('a month or season that recurs, and a day with a plural part of the day, are sets', () => {
  assert.deepEqual(times('Pilgrims climb the hill each August.'), [['each August', 'SET', 'XXXX-08']]);
  assert.deepEqual(times('The river floods every spring.'), [['every spring', 'SET', 'XXXX-SP']]);
  assert.deepEqual(times('The club plays jazz on Friday nights.'), [['Friday nights', 'SET', 'XXXX-WXX-5TNI']]);
  // Two days sharing the plural: each day is a habit of its own.
  assert.deepEqual(times('Buses run late on Saturday and Sunday evenings.'), [
    ['Saturday', 'SET', 'XXXX-WXX-6TEV'], ['Sunday evenings', 'SET', 'XXXX-WXX-7TEV']]);
  // One night is a date, not a habit.
  assert.deepEqual(times('The club played jazz on Friday night.'), [['Friday night', 'TIME', '2021-01-15TNI']]);
  assert.deepEqual(times('Each may speak for five minutes.'), [['five minutes', 'DURATION', 'PT5M']]);
});

test('present, past and future references', () => {
  assert.deepEqual(times('The town is now under curfew.'), [['now', 'DATE', 'PRESENT_REF']]);
  assert.deepEqual(times('Some 40 soldiers are currently deployed.'), [['currently', 'DATE', 'PRESENT_REF']]);
  assert.deepEqual(times('The bridge was recently repaired.'), [['recently', 'DATE', 'PAST_REF']]);
  // "then current" is the present of a past time.
  assert.deepEqual(times('Holders were paid the then current price.'), [['then current', 'DATE', 'PAST_REF']]);
  assert.deepEqual(times('Holders were paid the then-current price.'), [['then-current', 'DATE', 'PAST_REF']]);
});

test('"Now," opening a sentence is a discourse marker, not a time', () => {
  assert.deepEqual(times('The mill lost money for years. Now, he says, it will be sold.'), [['years', 'DURATION', 'PXY']]);
  assert.deepEqual(times('"It failed." Now, the council wants a new plan.'), []);
  // Without the comma it is the present: "Now officials are investigating".
  assert.deepEqual(times('Now officials are investigating the fire.'), [['Now', 'DATE', 'PRESENT_REF']]);
  assert.deepEqual(times('The plant is busy right now, its manager said.'), [['right now', 'DATE', 'PRESENT_REF']]);
});

test('seasons and quarters', () => {
  assert.deepEqual(times('Floods hit the valley last summer.'), [['last summer', 'DATE', '2020-SU']]);
  assert.deepEqual(times('The plant shut this past spring.', '2021-10-20'), [['this past spring', 'DATE', '2021-SP']]);
  assert.deepEqual(times('Shortages lasted well into the summer.', '2021-10-20'), [['the summer', 'DATE', '2021-SU']]);
  assert.deepEqual(times('Over the winter, prices doubled.', '2021-04-20'), [['the winter', 'DATE', '2020-WI']]);
  assert.deepEqual(times('Sales fell in the third quarter.'), [['the third quarter', 'DATE', '2020-Q3']]);
  assert.deepEqual(times('Output grew in Q1 2020.'), [['Q1 2020', 'DATE', '2020-Q1']]);
});

test('the weekend', () => {
  assert.deepEqual(times('Protests spread over the weekend.'), [['the weekend', 'DATE', '2021-W02-WE']]);
});

test('offsets point at the expression in a multi-sentence document', () => {
  const text = 'Headline about the vote\nVoters queued on Sunday. Results came two days later.\nCounting ends tomorrow.';
  const found = times(text);
  assert.deepEqual(found.map((f) => f[0]), ['Sunday', 'two days later', 'tomorrow']);
});

test('durations: halves, extra units, approximate ages ago, and rates', () => {
  assert.deepEqual(times('The trial lasted 2 1/2 years.'), [['2 1/2 years', 'DURATION', 'P2Y6M']]);
  assert.deepEqual(times('The crew waited 3 1/2 hours.'), [['3 1/2 hours', 'DURATION', 'PT3H30M']]);
  assert.deepEqual(times('The talks need two more weeks.'), [['two more weeks', 'DURATION', 'P2W']]);
  assert.deepEqual(times('The mine closed nearly three years ago.'), [['nearly three years ago', 'DATE', '2018']]);
  assert.deepEqual(times('The deal saves $4 million a year.'), []);
});

test('"the past year" is the calendar year before publication; "the past three years" a duration', () => {
  assert.deepEqual(times('Break-ins rose sharply over the past year.'), [['the past year', 'DATE', '2020']]);
  assert.deepEqual(times('Break-ins rose over the past three years.'), [['the past three years', 'DURATION', 'P3Y']]);
});

test('"this time" meaning "on this occasion" is no time', () => {
  assert.deepEqual(times('This time, the mayor said, the bridge will hold.'), []);
});

test('"later in the day" is the day the story is telling', () => {
  assert.deepEqual(times('The envoy landed in Lagos on March 3.\nLater in the day he met the president.'), [
    ['March 3', 'DATE', '2021-03-03'], ['the day', 'DATE', '2021-03-03']]);
  assert.deepEqual(times('She toured the port later in the day before flying home.'), [['the day', 'DATE', '2021-01-18']]);
});

test('"a year earlier" opening a clause without a comma still counts back from the story', () => {
  assert.deepEqual(times('Profit rose in 2020.\nA year earlier the firm lost money.').map((t) => t[2]), ['2020', '2019']);
});

test('a frequency after a verb and before a place is a set', () => {
  assert.deepEqual(times('Protesters gather daily outside the embassy.'), [['daily', 'SET', 'P1D']]);
});

test('"today", "tomorrow" meaning our times in general are no day', () => {
  assert.deepEqual(times("Privacy is hard to keep in today's world."), []);
  assert.deepEqual(times("Few of today's young voters read a paper."), []);
  assert.deepEqual(times('Good schools train the leaders of tomorrow.'), []);
  // A day it stays before an event, or with a part of the day.
  assert.deepEqual(times("Today's vote will settle the matter."), [['Today', 'DATE', '2021-01-18']]);
  assert.deepEqual(times("He told today's meeting that markets fell."), [['today', 'DATE', '2021-01-18']]);
  assert.deepEqual(times('The workers of tomorrow night shift met.').length, 1);
});

test('"annually", "yearly" after an amount make a rate, not a time', () => {
  assert.deepEqual(times('Exports should grow 8% annually.'), []);
  assert.deepEqual(times('The new line will build 40,000 trucks annually.'), []);
  assert.deepEqual(times('The licence costs C$12 million annually.'), []);
  assert.deepEqual(times('Rents rise 3 percent yearly.'), []);
  // Without an amount the adverb is a set.
  assert.deepEqual(times('The fair is held annually in the old square.'), [['annually', 'SET', 'P1Y']]);
  assert.deepEqual(times('The 2 clubs meet weekly.'), [['weekly', 'SET', 'P1W']]);
});

test('"a quarter of" a thing is a fraction; of a unit of time, a part of it', () => {
  assert.deepEqual(times('Rebels hold more than a quarter of the country.'), []);
  assert.deepEqual(times('Three quarters of the deputies voted no.'), []);
  assert.deepEqual(times('The firm lost money for three quarters of the year.').map((t) => t[0]), ['three quarters', 'the year']);
  assert.deepEqual(times('It returned to profit after several quarters of losses.'), [['several quarters', 'DURATION', 'PXQ']]);
  assert.deepEqual(times('The vote took a quarter of an hour.'), [['a quarter of an hour', 'DURATION', 'PT15M']]);
  assert.deepEqual(times('The dam has stood for a quarter of a century.'), [['a quarter of a century', 'DURATION', 'P25Y']]);
  assert.deepEqual(times('The crew waited three quarters of an hour.'), [['three quarters of an hour', 'DURATION', 'PT45M']]);
});

test('vague stretches: "the first hours", "the early years", "decades-long"', () => {
  assert.deepEqual(times('Hundreds surrendered in the first hours of the offensive.'), [['the first hours', 'DURATION', 'PTXH']]);
  assert.deepEqual(times('Aid flowed freely in the early years of the republic.'), [['the early years', 'DURATION', 'PXY']]);
  assert.deepEqual(times('In the final days of the campaign both parties spent heavily.'), [['the final days', 'DURATION', 'PXD']]);
  // The early hours of a named day are a part of that day, not a stretch.
  assert.deepEqual(times('Police raided the flat in the early hours of Thursday.').map((t) => t[0]), ['Thursday']);
  assert.deepEqual(times('The decades-long border feud ended.'), [['decades-long', 'DURATION', 'PXY']]);
  assert.deepEqual(times('A months-long strike shut the port.'), [['months-long', 'DURATION', 'PXM']]);
  assert.deepEqual(times('Talks resumed after their second day-long session.'), [['day-long', 'DURATION', 'P1D']]);
  assert.deepEqual(times('A two-year-long drought ruined farmers.'), [['two-year-long', 'DURATION', 'P2Y']]);
});

test('"today is the eighth day of the siege": a count of days in the present names today', () => {
  assert.deepEqual(times("It's the third day of a strike by dockers."), [['the third day', 'DATE', '2021-01-18']]);
  assert.deepEqual(times('The blockade, now in its 12th day, has emptied the shops.').map((t) => t[0]), ['now', '12th day']);
  // In the past tense the day is the story's, not publication's: left alone.
  assert.deepEqual(times('It was the fourth day of the talks.'), []);
});

test('a publication date in the first centuries gives four-digit years, as TIMEX3 writes them ("99" would be a century)', () => {
  const values = (text: string) => times(text, '0100-03-01').map((t) => t[2]);
  assert.deepEqual(values('Rebels attacked the town last year.'), ['0099']);
  assert.deepEqual(values('The ministry reported the figures for last quarter.'), ['0099-Q4']);
  assert.deepEqual(values('Talks will resume next summer.'), ['0100-SU']);
  assert.deepEqual(values('The army will withdraw next month.'), ['0100-04']);
  assert.deepEqual(values('Prices rose last decade.'), ['009']);
});

test('each parser pattern is built once and serves every sentence: a sentence read after another finds its times from the start', async () => {
  const { PARSERS, sentenceCandidates } = await import('./index.js');
  const anchor = { y: 2021, m: 1, d: 18 };
  const long = { text: 'Talks resumed on March 24 after a pause, and a second round opened on March 30.', offset: 0, anchor };
  // The patterns are global regexes, each the same object from sentence to sentence.
  for (const p of PARSERS) assert.ok(p.pattern().global, p.name);
  const first = sentenceCandidates(long).map((c) => long.text.slice(c.start, c.end));
  const short = { text: 'On March 2 they met.', offset: 0, anchor };
  assert.deepEqual(sentenceCandidates(short).map((c) => short.text.slice(c.start, c.end)), ['March 2']);
  assert.deepEqual(sentenceCandidates(long).map((c) => long.text.slice(c.start, c.end)), first);
  assert.deepEqual(first, ['March 24', 'March 30']);
});
