package cn.gov.jgsw.ops.storage;

import org.h2.mvstore.MVStore;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A consistent copy of the running store file, made the way H2 makes its own online backup: while the copy is read,
 * the store writes new chunks only after the end of the file and overwrites none, so the copy holds every commit made
 * before it began, whole, and opens as the store stood at some moment of the copy. Requests go on meanwhile.
 * <p>
 * Each copy is opened once before it is handed over, and must hold at least the version the store had when the copy
 * began: a backup that would not open, or that missed an acknowledged write, is refused at once rather than found out
 * at a restore.
 */
final class StoreCopy {

    private StoreCopy() {
    }

    /**
     * Copies the store into a new owner-only file.
     *
     * @return the store's version the copy holds
     */
    static long copy(MVStore store, Path target) {
        long committedBefore = store.getCurrentVersion();
        OwnerOnlyFiles.newFile(target);
        try (OutputStream out = Files.newOutputStream(target)) {
            // H2 hands its online copy to a zip stream; the file's bytes are all this keeps of it.
            store.getFileStore().backup(new BytesOnly(out));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot copy the store file to " + target, e);
        }
        long held = versionOf(target);
        if (held < committedBefore) {
            throw new IllegalStateException("The copy of the store holds version " + held + ", older than the "
                    + committedBefore + " committed before it began; nothing was handed over");
        }
        return held;
    }

    /** Opens a copy read-only, as a restore would, and answers its version. */
    static long versionOf(Path copy) {
        try (MVStore opened = new MVStore.Builder().fileName(copy.toString()).readOnly().open()) {
            return opened.getCurrentVersion();
        }
    }

    /** A zip stream that writes nothing of the zip format: only the bytes of the one entry H2 writes. */
    private static final class BytesOnly extends ZipOutputStream {

        private final OutputStream target;

        BytesOnly(OutputStream target) {
            super(OutputStream.nullOutputStream());
            this.target = target;
        }

        @Override
        public void putNextEntry(ZipEntry entry) {
            // No zip headers.
        }

        @Override
        public void closeEntry() {
            // No zip trailers.
        }

        @Override
        public void write(int b) throws IOException {
            target.write(b);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            target.write(bytes, offset, length);
        }

        @Override
        public void finish() {
            // Nothing of the zip format to finish.
        }

        @Override
        public void close() throws IOException {
            target.flush();
        }
    }
}
