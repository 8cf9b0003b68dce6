package org.motcua.document;

import java.util.Arrays;
import java.util.Optional;

/** Recognizes the accepted formats by their first bytes, whatever the file's name says. */
final class FileTypes {

  private static final byte[] PDF = {'%', 'P', 'D', 'F', '-'};
  private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
  private static final byte[] JPEG = {(byte) 0xff, (byte) 0xd8, (byte) 0xff};

  private FileTypes() {
  }

  static Optional<String> detect(byte[] content) {
    if (startsWith(content, PDF)) {
      return Optional.of("application/pdf");
    }
    if (startsWith(content, PNG)) {
      return Optional.of("image/png");
    }
    if (startsWith(content, JPEG)) {
      return Optional.of("image/jpeg");
    }
    return Optional.empty();
  }

  private static boolean startsWith(byte[] content, byte[] magic) {
    return content.length >= magic.length && Arrays.equals(content, 0, magic.length, magic, 0, magic.length);
  }
}
