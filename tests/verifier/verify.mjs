// Verifies Open Badges 3.0 credentials offline with the Digital Credentials Consortium's
// libraries: the signature (eddsa-rdfc-2022 over the did:key issuer) and the revocation bit in the
// status list credential, which is served from a file instead of being fetched.
//
//   node verify.mjs STATUS_LIST.json CREDENTIAL.json [CREDENTIAL.json ...]
//
// Prints one JSON line per credential: {"file", "verified", "status", "errors"}.
import {readFileSync} from 'node:fs';
import * as vc from '@digitalcredentials/vc';
import {DataIntegrityProof} from '@digitalcredentials/data-integrity';
import {cryptosuite} from '@digitalcredentials/eddsa-rdfc-2022-cryptosuite';
import {securityLoader} from '@digitalcredentials/security-document-loader';
import {checkStatus} from '@digitalcredentials/vc-bitstring-status-list';

const [statusFile, ...files] = process.argv.slice(2);
const statusList = JSON.parse(readFileSync(statusFile, 'utf8'));
const loader = securityLoader();
loader.addStatic(statusList.id, statusList);
const documentLoader = loader.build();
const suite = new DataIntegrityProof({cryptosuite});

const messages = error => {
  const all = [];
  const walk = e => {
    if(!e) return;
    if(Array.isArray(e)) return e.forEach(walk);
    all.push(String(e.message || e));
    walk(e.errors); walk(e.cause);
  };
  walk(error);
  return all;
};

for(const file of files) {
  const credential = JSON.parse(readFileSync(file, 'utf8'));
  let result;
  try {
    result = await vc.verifyCredential({credential, suite, documentLoader, checkStatus});
  } catch(e) {
    result = {verified: false, error: e};
  }
  const errors = messages(result.error);
  for(const r of result.results || []) errors.push(...messages(r.error));
  if(result.statusResult && !result.statusResult.verified) errors.push(...messages(result.statusResult.error));
  console.log(JSON.stringify({
    file, verified: Boolean(result.verified),
    status: result.statusResult ? Boolean(result.statusResult.verified) : null, errors
  }));
}
