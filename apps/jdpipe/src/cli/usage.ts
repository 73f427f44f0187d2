export const USAGE = `jdpipe — job descriptions in, explained decisions out

Usage:
  jdpipe run FILE|- [--title "..."] [--json]   one posting (plain text, or JSON {title, description, ...})
  jdpipe batch FILE.jsonl [--out runs.jsonl]   many postings, one JSON object a line
  jdpipe eval DIR_OR_FILE [--json]             labelled cases: skill P/R, role accuracy, field accuracy
  jdpipe eval titles CSV [--top 5] [--esco DIR]
                                               top-1/top-k accuracy of title → ESCO occupation (columns text,label)
  jdpipe bench [--corpus DIR] [--limit N]      postings/second and per-stage p50/p99
  jdpipe bench catalog [--esco DIR] [--onet DIR] [--limit N]
                                               ESCO/O*NET in memory: load and build times, heap, match ms per KB
  jdpipe catalog check [--seed DIR]            checks the seed catalog; exits 1 on errors
  jdpipe catalog import esco|onet DIR [--release R]
                                               merges an ESCO (tabiya CSV) or O*NET (text) download into the catalog
  jdpipe catalog export                        the current catalog as sorted JSON on stdout (skills, roles, dimensions,
                                               domains, categories, catalogVersion)
  jdpipe catalog import-file FILE|-            validates an exported catalog and writes it (source "file"); exits 1
                                               with the list of errors, and changes nothing when the catalog matches
  jdpipe review list [--kind K] [--status S] [--limit N]
                                               the review queue: proposals, how often they recur, a suggested action
  jdpipe review show ID                        one proposal with the runs and text that proposed it, and its history
  jdpipe review approve ID [--as "Name"] [--category C] [--nature N]
                                               approve (optionally edited); changes the catalog, new catalog version
  jdpipe review reject ID | merge ID --into SKILL_SLUG|ITEM_ID | undo ACTION_ID
                                               every action takes --by NAME (default $USER) and is undoable; with
                                               DATABASE_URL the change is announced on KAFKA_BROKERS to the services
  jdpipe rerun --since VERSION [--all] [--dry-run] [--limit N]
                                               re-processes, as new runs, postings last run with an older catalog that
                                               mention what changed after VERSION (--all: every such run); prints
                                               before → after (role, skills); with DATABASE_URL it publishes to the
                                               services on KAFKA_BROKERS
  jdpipe db migrate                            migrations + seed catalog sync (embedded, or DATABASE_URL)
  jdpipe serve [--port 8765] [--host 127.0.0.1] [--no-open]
                                               the HTTP API and the web admin over the embedded pipeline; prints a
                                               one-time admin login link
  jdpipe keys create --name NAME --role ingest|reviewer|admin [--json]
                                               a new API key, printed once (embedded, or DATABASE_URL)
  jdpipe keys list [--json] | keys revoke ID_OR_PREFIX

Options of run, batch, eval and bench:
  --mode offline|llm|hybrid                    extraction path (default JDPIPE_LLM_MODE, else offline); the run
                                               document's "mode" says which ran
  eval --mode llm|hybrid                       offline and the model side by side, the model replaying the recorded
                                               answers of eval/llm-recordings (--recordings DIR); --live asks the
                                               configured provider instead
  bench --fake-llm [--mode llm|hybrid]         the model is a local server replaying recorded answers (a cautious
                                               "nothing found" for other postings); calls, tokens, cost per posting

Environment:
  JDPIPE_DATA_DIR        embedded database folder (default ~/.jdpipe/data; ":memory:" keeps nothing)
  JDPIPE_SEED_DIR        seed catalog folder (default: the catalog shipped with jdpipe)
  JDPIPE_RUN_TIMEOUT_MS  how long one run may take before it counts as failed (default 60000)
  JDPIPE_LLM_MODE        offline (default), llm or hybrid; llm and hybrid need OPENAI_API_KEY or OPENAI_BASE_URL
  JDPIPE_LLM_EMBEDDINGS  on: embeddings for KRA similarity in llm and hybrid runs (default off)
  OPENAI_BASE_URL        any OpenAI-compatible server (see libs/platform/llm/README.md for every JDPIPE_LLM_* setting)
  JDPIPE_CATALOG_CHECK_MS  how often to compare the catalog version with the database's (default 30000; 0 = off)
  JDPIPE_API_RATE_LIMIT_PER_MINUTE  requests per minute and API key (default 600)
  DATABASE_URL           with \`db migrate\`, \`keys\`, \`catalog import|import-file|export\`, \`review\`, \`rerun\`: PostgreSQL of the service deployment (DATABASE_SCHEMA optional)
  KAFKA_BROKERS          with DATABASE_URL, \`review\` and \`rerun\` publish on this broker list (catalog.changed.v1, jobs.posted.v1)
`;
