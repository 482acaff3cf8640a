// PouchDB side of bench/bench_sync.py: load DOCS (a JSON array) into a local PouchDB
// (leveldb in DIR), then time a one-shot push replication to REMOTE (pouchdb-server, through
// the benchmark's byte-counting proxy). Prints one JSON line.
//   node pouch_replicate.js DOCS DIR REMOTE BATCH_SIZE
'use strict';
const fs = require('fs');
const PouchDB = require('pouchdb');

async function main() {
  const [docsPath, dir, remoteUrl, batch] = process.argv.slice(2);
  const docs = JSON.parse(fs.readFileSync(docsPath, 'utf8'));
  const local = new PouchDB(dir);
  for (let i = 0; i < docs.length; i += 1000) {
    await local.bulkDocs(docs.slice(i, i + 1000));
  }
  const remote = new PouchDB(remoteUrl);
  await remote.info(); // creates the database before the clock starts
  process.stdout.write('ready\n');
  await new Promise((resolve) => process.stdin.once('data', resolve));
  const started = process.hrtime.bigint();
  const result = await local.replicate.to(remote, { batch_size: Number(batch) });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const count = (await remote.info()).doc_count;
  process.stdout.write(
    JSON.stringify({ seconds, docs_written: result.docs_written, remote_count: count }) + '\n',
  );
  await local.close();
  process.exit(0); // the http agent keeps sockets open
}

main().catch((err) => {
  process.stderr.write(String(err && err.stack ? err.stack : err) + '\n');
  process.exit(1);
});
