package org.motcua.document;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Files under {@code motcua.documents.dir} (default {@code ./data/files}), one folder per day, random names. The
 * default store ({@code motcua.documents.store=filesystem}, see {@link DocumentStoreConfiguration}).
 */
class FileSystemDocumentStore implements DocumentStore {

  private final Path root;

  FileSystemDocumentStore(String dir) {
    this.root = Path.of(dir).toAbsolutePath().normalize();
  }

  @Override
  public String put(byte[] content) {
    String key = newKey();
    Path target = resolve(key);
    try {
      Files.createDirectories(target.getParent());
      // Write to a temporary name first so a crash never leaves a half-written file under a real key.
      Path partial = target.resolveSibling(target.getFileName() + ".part");
      Files.write(partial, content);
      Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
      return key;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot store document " + key, e);
    }
  }

  @Override
  public InputStream open(String storageKey) {
    try {
      return Files.newInputStream(resolve(storageKey));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read document " + storageKey, e);
    }
  }

  @Override
  public void delete(String storageKey) {
    try {
      Files.deleteIfExists(resolve(storageKey));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot delete document " + storageKey, e);
    }
  }

  @Override
  public List<StoredObject> listDay(LocalDate day) {
    Path folder = resolve(day.toString());
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    List<StoredObject> objects = new ArrayList<>();
    try (Stream<Path> files = Files.list(folder)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        if (Files.isRegularFile(file)) {
          objects.add(new StoredObject(day + "/" + file.getFileName(),
              Files.getLastModifiedTime(file).toInstant()));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list documents of " + day, e);
    }
    return objects;
  }

  /**
   * A key nobody can guess or choose: the day, then a random UUID. Nothing of the upload (its name, its dossier)
   * goes into it. The S3 store uses the same keys, so a folder of files can be copied into a bucket as it is.
   */
  static String newKey() {
    return LocalDate.now() + "/" + UUID.randomUUID();
  }

  private Path resolve(String key) {
    Path path = root.resolve(key).normalize();
    if (!path.startsWith(root)) {
      throw new IllegalArgumentException("Storage key outside the store: " + key);
    }
    return path;
  }
}
