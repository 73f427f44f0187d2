/**
 * Function words dropped before weighting. Domain-generic words ("support", "team", "ensure") are deliberately
 * NOT here: the KRA IDF gives them little weight, and a role library where they are rare still benefits from them.
 */
export const STOPWORDS: ReadonlySet<string> = new Set(
  `a about above after again against all also am an and any are as at be because been before being below between
  both but by can could did do does doing down during each etc eg e.g few for from further had has have having he her
  here hers herself him himself his how i ie if in into is it its itself just let like may me might more most must my
  myself no nor not of off on once only or other our ours ourselves out over own per same shall she should so some
  such than that the their theirs them themselves then there these they this those through to too under until up upon
  us very via was we were what when where which while who whom why will with within without would you your yours
  yourself yourselves including include includes across along among etc. well using use used new various relevant
  related ability able strong good excellent within whether`
    .split(/\s+/)
    .filter((word) => word.length > 0),
);
