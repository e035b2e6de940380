// 2-4c-mtls-s3: the bucket of CA certificates that verify the client certificates the proxy
// forwards (mutual TLS for LBS CUPS, TTGC/TTGP; docs: ecs/deployment, changelog 3.23.0). Layout: index.yml at the root
// listing the PEM files of common/ (an empty index.yml is valid). Blocked from public access,
// encrypted, TLS only, kept when the stack is deleted.
#include "ttsgen/exports/s3.hpp"
#include "ttsgen/stacks/builder.hpp"
#include "ttsgen/stacks/data.hpp"
#include "ttsgen/stacks/stacks.hpp"

namespace ttsgen::stacks {

// 3.30.0 ("− unused bucket policies; ~ resource tags") has no counterpart here: the only policy is
// the TLS-only one every bucket has, and the tags are the standard ones in every release.
StackModel build_mtls_s3(const Release& release) {
  StackBuilder s(release, "mtls-s3");
  exported_bucket(s, {exports::s3::mtls_ca_bucket, "MTLSCABucket", "MTLSCABucketName", "mTLS CA certificate",
                      "CA certificate bucket name", "mtls-ca"});
  return s.finish();
}

}  // namespace ttsgen::stacks
