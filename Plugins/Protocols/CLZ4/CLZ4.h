#ifndef TETHER_CLZ4_H
#define TETHER_CLZ4_H

// LZ4 block API (LZ4_compress_default, LZ4_decompress_safe, LZ4_compressBound).
#include <lz4.h>

#endif
