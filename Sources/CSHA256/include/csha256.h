#ifndef CSHA256_H
#define CSHA256_H

#include <stddef.h>
#include <stdint.h>

/// SHA-256 (FIPS 180-4) of `length` bytes at `data`, as eight 32-bit words in `digest`. With
/// `allow_hardware`, uses the x86 SHA extensions when the processor has them; otherwise, or
/// elsewhere, portable C. Both give the same digest.
void csha256_digest(const uint8_t *data, size_t length, uint32_t digest[8], int allow_hardware);

#endif
