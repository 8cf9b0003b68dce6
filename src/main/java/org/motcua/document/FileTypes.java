package org.motcua.document;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Recognizes the accepted formats by their first bytes, whatever the file's name says. */
final class FileTypes {

  private static final byte[] PDF = {'%', 'P', 'D', 'F', '-'};
  private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
  private static final byte[] JPEG = {(byte) 0xff, (byte) 0xd8, (byte) 0xff};

  /** An accepted format: its content type, the name people know it by, and the extensions its files may carry. */
  record FileType(String contentType, String label, List<String> extensions) {

    /** Whether a file name's extension (after the last dot, any case) is one of this type's. */
    boolean matches(String extension) {
      return extensions.contains(extension.toLowerCase(Locale.ROOT));
    }

    /** The extensions as a person reads them: ".jpg, .jpeg". */
    String extensionList() {
      return String.join(", ", extensions.stream().map(e -> "." + e).toList());
    }
  }

  static final FileType PDF_FILE = new FileType("application/pdf", "PDF", List.of("pdf"));
  static final FileType PNG_FILE = new FileType("image/png", "PNG", List.of("png"));
  static final FileType JPEG_FILE = new FileType("image/jpeg", "JPEG", List.of("jpg", "jpeg"));

  private FileTypes() {
  }

  static Optional<FileType> detect(byte[] content) {
    if (startsWith(content, PDF)) {
      return Optional.of(PDF_FILE);
    }
    if (startsWith(content, PNG)) {
      return Optional.of(PNG_FILE);
    }
    if (startsWith(content, JPEG)) {
      return Optional.of(JPEG_FILE);
    }
    return Optional.empty();
  }

  private static boolean startsWith(byte[] content, byte[] magic) {
    return content.length >= magic.length && Arrays.equals(content, 0, magic.length, magic, 0, magic.length);
  }
}
