package cn.gov.jgsw.contract;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The operation documents the app sends, read from the contract's files: {@code operations/NAME.graphql} holds one
 * named operation called NAME, {@code operations/fragments/NAME.graphql} one fragment called NAME. The document of
 * an operation, as persisted, is its file followed by the files of every fragment it spreads (also through other
 * fragments), each once, in the order of their names; then {@link OperationNormalisation normalised}.
 * <p>
 * Anything else is refused when the manifest is built, so a mistake stops the build rather than reaching the app:
 * a file whose operation is named otherwise, two operations in a file, a string literal, a spread of a fragment that
 * does not exist, a fragment no operation uses.
 */
public final class OperationDocuments {

    private static final Pattern OPERATION = Pattern.compile(
            "(?:^|[\\s}])(query|mutation|subscription)\\s+([_A-Za-z][_0-9A-Za-z]*)");
    private static final Pattern FRAGMENT = Pattern.compile("(?:^|[\\s}])fragment\\s+([_A-Za-z][_0-9A-Za-z]*)");
    private static final Pattern SPREAD = Pattern.compile("\\.\\.\\.\\s*([_A-Za-z][_0-9A-Za-z]*)");

    /** One persisted operation: its name, {@code query}, {@code mutation} or {@code subscription}, and normal form. */
    public record Operation(String name, String type, String body) {

        public String id() {
            return OperationNormalisation.id(body);
        }
    }

    private OperationDocuments() {
    }

    /** Every operation under {@code directory} (which holds the operation files and {@code fragments/}), by name. */
    public static List<Operation> read(Path directory) {
        Map<String, String> fragments = new TreeMap<>();
        Path fragmentDirectory = directory.resolve("fragments");
        if (Files.isDirectory(fragmentDirectory)) {
            for (Path file : graphqlFiles(fragmentDirectory)) {
                String name = baseName(file);
                String text = text(file);
                List<String> defined = all(FRAGMENT, text, 1);
                require(defined.equals(List.of(name)), file, "must define exactly one fragment, named " + name);
                fragments.put(name, text);
            }
        }
        Set<String> used = new TreeSet<>();
        List<Operation> operations = new ArrayList<>();
        for (Path file : graphqlFiles(directory)) {
            String name = baseName(file);
            String text = text(file);
            Matcher operation = OPERATION.matcher(OperationNormalisation.withoutComments(text));
            require(operation.find() && operation.group(2).equals(name), file,
                    "must hold one operation named " + name);
            String type = operation.group(1);
            require(!operation.find(), file, "must hold one operation only");
            require(all(FRAGMENT, text, 1).isEmpty(), file, "keeps its fragments in fragments/");
            Set<String> spread = spreadFragments(text, fragments, file);
            used.addAll(spread);
            StringBuilder document = new StringBuilder(text);
            spread.forEach(fragment -> document.append('\n').append(fragments.get(fragment)));
            require(document.indexOf("\"") < 0, file, "must not hold string literals: pass values as variables");
            operations.add(new Operation(name, type,
                    OperationNormalisation.normalise(document.toString())));
        }
        Set<String> unused = new TreeSet<>(fragments.keySet());
        unused.removeAll(used);
        if (!unused.isEmpty()) {
            throw new IllegalArgumentException("fragments no operation uses: " + unused);
        }
        return operations;
    }

    /** The fragments a document spreads, also through other fragments, in the order of their names. */
    private static Set<String> spreadFragments(String text, Map<String, String> fragments, Path file) {
        Set<String> found = new TreeSet<>();
        List<String> toRead = new ArrayList<>(List.of(text));
        while (!toRead.isEmpty()) {
            for (String name : all(SPREAD, toRead.remove(0), 1)) {
                if (name.equals("on")) {
                    continue;
                }
                require(fragments.containsKey(name), file, "spreads the unknown fragment " + name);
                if (found.add(name)) {
                    toRead.add(fragments.get(name));
                }
            }
        }
        return found;
    }

    private static List<String> all(Pattern pattern, String text, int group) {
        List<String> found = new ArrayList<>();
        Matcher matcher = pattern.matcher(OperationNormalisation.withoutComments(text));
        while (matcher.find()) {
            found.add(matcher.group(group));
        }
        return found;
    }

    private static void require(boolean condition, Path file, String rule) {
        if (!condition) {
            throw new IllegalArgumentException(file + " " + rule);
        }
    }

    private static List<Path> graphqlFiles(Path directory) {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".graphql")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String baseName(Path file) {
        String name = file.getFileName().toString();
        return name.substring(0, name.length() - ".graphql".length());
    }

    private static String text(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
