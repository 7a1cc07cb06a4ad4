#ifndef TETHER_CLIBCRYPTO_H
#define TETHER_CLIBCRYPTO_H

// VNC Authentication (RFC 6143 7.2.2) needs single DES. OpenSSL 3 marks the low-level DES API
// deprecated; it still works without loading the legacy provider, which the EVP route would need.
// The deprecation is silenced here only, so Swift never sees a deprecated symbol.
#ifndef OPENSSL_SUPPRESS_DEPRECATED
#define OPENSSL_SUPPRESS_DEPRECATED 1
#endif

#include <stddef.h>
#include <openssl/crypto.h>
#include <openssl/des.h>

#pragma clang diagnostic push
#pragma clang diagnostic ignored "-Wdeprecated-declarations"

/// Encrypts `blockCount` 8-byte blocks from `input` into `output` with single DES in ECB mode.
/// The key is used as given (no parity check), as VNC keys have arbitrary low bits.
static inline void tether_des_ecb_encrypt(const unsigned char key[8],
                                          const unsigned char *input,
                                          unsigned char *output,
                                          size_t blockCount) {
    DES_cblock keyBlock;
    DES_key_schedule schedule;
    for (size_t index = 0; index < 8; index++) {
        keyBlock[index] = key[index];
    }
    DES_set_key_unchecked(&keyBlock, &schedule);
    for (size_t block = 0; block < blockCount; block++) {
        DES_ecb_encrypt((const_DES_cblock *)(input + block * 8),
                        (DES_cblock *)(output + block * 8),
                        &schedule,
                        DES_ENCRYPT);
    }
    OPENSSL_cleanse(&schedule, sizeof(schedule));
    OPENSSL_cleanse(&keyBlock, sizeof(keyBlock));
}

#pragma clang diagnostic pop

#endif
