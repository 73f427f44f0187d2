export const USAGE = `jdpipe — job descriptions in, explained decisions out

Usage:
  jdpipe run FILE|- [--title "..."] [--json]   one posting (plain text, or JSON {title, description, ...})
  jdpipe batch FILE.jsonl [--out runs.jsonl]   many postings, one JSON object a line
  jdpipe eval DIR_OR_FILE [--json]             labelled cases: skill P/R, role accuracy, field accuracy
  jdpipe bench [--corpus DIR] [--limit N]      postings/second and per-stage p50/p99
  jdpipe catalog check [--seed DIR]            checks the seed catalog; exits 1 on errors
  jdpipe catalog import esco|onet DIR [--release R]
                                               merges an ESCO (tabiya CSV) or O*NET (text) download into the catalog
  jdpipe db migrate                            migrations + seed catalog sync (embedded, or DATABASE_URL)

Environment:
  JDPIPE_DATA_DIR        embedded database folder (default ~/.jdpipe/data; ":memory:" keeps nothing)
  JDPIPE_SEED_DIR        seed catalog folder (default: the catalog shipped with jdpipe)
  JDPIPE_RUN_TIMEOUT_MS  how long one run may take before it counts as failed (default 60000)
  DATABASE_URL           with \`db migrate\` and \`catalog import\`: PostgreSQL of the service deployment (DATABASE_SCHEMA optional)
`;
