import type { CatalogRole, CatalogSkill, SkillNature } from '@jdpipe/catalog';

/**
 * A word the catalog's own responsibility statements use this often in lower case is an ordinary word of
 * working life ("access", "source", "act", "less"), whatever product also carries it as a name.
 */
export const ORDINARY_WORD_USES = 3;

/** Natures whose entries are names of things (products, languages, frameworks): capitals tell the name. */
const NAMED_NATURES: ReadonlySet<SkillNature> = new Set(['TOOL', 'PLATFORM', 'FRAMEWORK', 'LANGUAGE']);

const NON_LETTERS = /[^\p{L}]+/u;

/**
 * Imported taxonomies name tools after ordinary words: O*NET lists "Act!", "Access", "Notion" and "Source",
 * ESCO lists "LESS". Such a one-word name is the tool only where the posting writes it as the catalog does
 * ("LESS" in "SASS/LESS", not "less than 10 students"). What counts as an ordinary word comes from the catalog
 * itself: the words its role KRAs, plain prose, use in lower case.
 */
export class OrdinaryWordNames {
  private readonly lowerCaseUses = new Map<string, number>();

  /** `names`: the keys of the aliases that may be such names (see `mayBeOne`); only their uses are counted. */
  constructor(roles: readonly CatalogRole[], names: ReadonlySet<string>) {
    if (names.size === 0) return;
    for (const role of roles)
      for (const kra of role.kras)
        for (const word of kra.split(NON_LETTERS))
          if (names.has(word)) this.lowerCaseUses.set(word, (this.lowerCaseUses.get(word) ?? 0) + 1);
  }

  /** A one-token alias of an imported named thing, spelled with a capital. Authored aliases say their own case. */
  static mayBeOne(skill: CatalogSkill, keys: readonly string[], exactForm: string): boolean {
    return (
      skill.importedFrom !== undefined && NAMED_NATURES.has(skill.nature) && keys.length === 1 && exactForm !== exactForm.toLowerCase()
    );
  }

  /** Whether an alias must be written with its own capitals to name its skill: it may be such a name, and its key is an ordinary word. */
  needsItsCase(skill: CatalogSkill, keys: readonly string[], exactForm: string): boolean {
    return OrdinaryWordNames.mayBeOne(skill, keys, exactForm) && (this.lowerCaseUses.get(keys[0]) ?? 0) >= ORDINARY_WORD_USES;
  }
}
