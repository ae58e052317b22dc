package cn.gov.jgsw.verifier;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;

/**
 * The files of a bundle, each once. A zip can say two things at once: its entries one after another, and a directory
 * at its end that another reader goes by; and it can hold two entries of one name, of which one reader takes the first
 * and another the last. A bundle whose entries and directory disagree, or that names a file twice, is refused rather
 * than read one way.
 */
final class BundleFiles {

    private final Map<String, byte[]> files;

    private BundleFiles(Map<String, byte[]> files) {
        this.files = files;
    }

    /** Reads the bundle; a problem with its form is answered as the reason it is refused. */
    static Result read(Path bundle) throws IOException {
        Map<String, byte[]> sequence = new LinkedHashMap<>();
        try (InputStream in = Files.newInputStream(bundle); ZipInputStream zip = new ZipInputStream(in)) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                if (sequence.containsKey(entry.getName())) {
                    return Result.refused("the bundle holds two files named " + entry.getName() + ": a bundle holds "
                            + "each file once");
                }
                if (entry.isDirectory()) {
                    return Result.refused("the bundle holds a directory entry " + entry.getName());
                }
                sequence.put(entry.getName(), zip.readAllBytes());
            }
        }
        List<String> directory = new ArrayList<>();
        try (ZipFile zip = new ZipFile(bundle.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                directory.add(entry.getName());
                byte[] read = sequence.get(entry.getName());
                try (InputStream in = zip.getInputStream(entry)) {
                    if (read == null || !Arrays.equals(read, in.readAllBytes())) {
                        return Result.refused("the bundle's directory and its contents disagree about "
                                + entry.getName() + ": it was put together to be read two ways");
                    }
                }
            }
        }
        if (!directory.equals(new ArrayList<>(sequence.keySet()))) {
            return Result.refused("the bundle's directory and its contents list different files");
        }
        return new Result(Optional.of(new BundleFiles(sequence)), null);
    }

    /** The bundle's files, or why it is refused. */
    record Result(Optional<BundleFiles> files, String refusal) {
        static Result refused(String why) {
            return new Result(Optional.empty(), why);
        }
    }

    byte[] get(String name) {
        return name == null ? null : files.get(name);
    }

    /** A file the bundle holds that nothing in it refers to, if any. */
    Optional<String> unexpected(Set<String> referred) {
        return files.keySet().stream().filter(name -> !referred.contains(name)).findFirst();
    }
}
