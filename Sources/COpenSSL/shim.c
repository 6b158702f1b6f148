#include "COpenSSL.h"

long shim_BIO_get_mem_data(BIO *bio, char **data) { return BIO_get_mem_data(bio, data); }
uint64_t shim_SSL_CTX_set_options(SSL_CTX *ctx, uint64_t options) { return SSL_CTX_set_options(ctx, options); }
int shim_SSL_CTX_set_min_proto_version(SSL_CTX *ctx, int version) { return SSL_CTX_set_min_proto_version(ctx, version); }
long shim_SSL_CTX_set_mode(SSL_CTX *ctx, long mode) { return SSL_CTX_set_mode(ctx, mode); }
void shim_OPENSSL_free(void *ptr) { OPENSSL_free(ptr); }
EVP_PKEY *shim_generate_rsa_key(unsigned int bits) { return EVP_RSA_gen(bits); }
