package org.motcua.document;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The {@link DocumentStoreContract} on the filesystem store, in a folder of its own. */
class FileSystemDocumentStoreTest extends DocumentStoreContract {

  @TempDir
  static Path folder;

  private static FileSystemDocumentStore store;

  @Override
  DocumentStore store() {
    if (store == null) {
      store = new FileSystemDocumentStore(folder.toString());
    }
    return store;
  }

  @Override
  long storedBytes(String key) {
    try {
      return Files.size(folder.resolve(key));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
