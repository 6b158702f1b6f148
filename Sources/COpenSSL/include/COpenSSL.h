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

#ifdef __linux__
/// Linux event-loop headers that Glibc's Swift module map leaves out (used by EmulatorHTTP).
#include <sys/epoll.h>
#include <sys/eventfd.h>
#endif

/// BIO_get_mem_data is a macro.
long shim_BIO_get_mem_data(BIO *bio, char **data);
/// SSL_CTX_set_options / SSL_CTX_set_min_proto_version are macros.
uint64_t shim_SSL_CTX_set_options(SSL_CTX *ctx, uint64_t options);
int shim_SSL_CTX_set_min_proto_version(SSL_CTX *ctx, int version);
/// SSL_CTX_set_mode is a macro; used for partial writes with moving buffers.
long shim_SSL_CTX_set_mode(SSL_CTX *ctx, long mode);
/// SSL_set_tlsext_host_name is a macro (the client's SNI).
int shim_SSL_set_tlsext_host_name(SSL *ssl, const char *name);
/// OPENSSL_free is a macro.
void shim_OPENSSL_free(void *ptr);
/// EVP_PKEY_assign_RSA-free key generation (OpenSSL 3 EVP_RSA_gen is variadic).
EVP_PKEY *shim_generate_rsa_key(unsigned int bits);

/// SSL_OP_* are 64-bit macros built with SSL_OP_BIT(), which Swift cannot import.
uint64_t shim_SSL_OP_NO_RENEGOTIATION(void);
uint64_t shim_SSL_OP_NO_COMPRESSION(void);
uint64_t shim_SSL_OP_CIPHER_SERVER_PREFERENCE(void);
uint64_t shim_SSL_OP_IGNORE_UNEXPECTED_EOF(void);

#ifdef __linux__
/// accept4 and pthread_setname_np need _GNU_SOURCE, which Swift's Glibc module is built without.
#include <sys/socket.h>
int shim_accept4(int fd, struct sockaddr *address, socklen_t *length, int flags);
int shim_pthread_setname_np(unsigned long thread, const char *name);
#endif

#endif
