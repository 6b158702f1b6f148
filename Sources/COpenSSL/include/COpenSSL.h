// Shim over Debian's OpenSSL 3 (libssl-dev). Macros and variadic helpers that Swift cannot call
// directly are wrapped here as plain functions.
#ifndef C_OPENSSL_SHIM_H
#define C_OPENSSL_SHIM_H

#include <openssl/ssl.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rsa.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>
#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/rand.h>
#include <openssl/sha.h>
#include <openssl/hmac.h>
#include <openssl/core_names.h>

/// BIO_get_mem_data is a macro.
long shim_BIO_get_mem_data(BIO *bio, char **data);
/// SSL_CTX_set_options / SSL_CTX_set_min_proto_version are macros.
uint64_t shim_SSL_CTX_set_options(SSL_CTX *ctx, uint64_t options);
int shim_SSL_CTX_set_min_proto_version(SSL_CTX *ctx, int version);
/// SSL_CTX_set_mode is a macro; used for partial writes with moving buffers.
long shim_SSL_CTX_set_mode(SSL_CTX *ctx, long mode);
/// OPENSSL_free is a macro.
void shim_OPENSSL_free(void *ptr);
/// EVP_PKEY_assign_RSA-free key generation (OpenSSL 3 EVP_RSA_gen is variadic).
EVP_PKEY *shim_generate_rsa_key(unsigned int bits);

#endif
