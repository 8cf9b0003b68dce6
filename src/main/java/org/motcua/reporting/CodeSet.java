package org.motcua.reporting;

/**
 * The dossier codes seen so far in one CSV, to find duplicates without a million strings in memory: an open-address
 * set of 64-bit hashes with the line each was first seen on (12 bytes a code). Two different codes share a hash with
 * probability about n²/2⁶⁵ (3·10⁻⁸ for a million rows); such a pair would be reported as a duplicate, never missed.
 */
final class CodeSet {

  private long[] hashes = new long[1 << 16];
  private int[] lines = new int[1 << 16];
  private int size;

  /** Adds the code; returns 0 if it is new, else the line it was first seen on. */
  int addOrFirstLine(String code, int line) {
    if (size * 2 >= hashes.length) {
      grow();
    }
    long h = hash(code);
    int mask = hashes.length - 1;
    for (int i = (int) h & mask; ; i = (i + 1) & mask) {
      if (lines[i] == 0) {
        hashes[i] = h;
        lines[i] = line;
        size++;
        return 0;
      }
      if (hashes[i] == h) {
        return lines[i];
      }
    }
  }

  private void grow() {
    long[] oldHashes = hashes;
    int[] oldLines = lines;
    hashes = new long[oldHashes.length * 2];
    lines = new int[oldLines.length * 2];
    int mask = hashes.length - 1;
    for (int j = 0; j < oldHashes.length; j++) {
      if (oldLines[j] != 0) {
        int i = (int) oldHashes[j] & mask;
        while (lines[i] != 0) {
          i = (i + 1) & mask;
        }
        hashes[i] = oldHashes[j];
        lines[i] = oldLines[j];
      }
    }
  }

  /** FNV-1a over the characters, then MurmurHash3's finalizer to spread the bits. */
  static long hash(String s) {
    long h = 0xcbf29ce484222325L;
    for (int i = 0; i < s.length(); i++) {
      h ^= s.charAt(i);
      h *= 0x100000001b3L;
    }
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    h *= 0xc4ceb9fe1a85ec53L;
    h ^= h >>> 33;
    return h;
  }
}
