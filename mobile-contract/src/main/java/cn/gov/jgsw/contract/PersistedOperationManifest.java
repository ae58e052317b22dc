package cn.gov.jgsw.contract;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes the persisted-operation manifest at build time (the {@code process-classes} phase of this module), in the
 * format Apollo's clients read ({@code apollo-persisted-query-manifest}, version 1): for every operation of the
 * contract its id, name, type and normalised body. The platform accepts, outside the demo profile, exactly the
 * operations of this manifest and of the released ones kept beside it.
 */
public final class PersistedOperationManifest {

    /** Where the platform finds the manifest on its class path. */
    public static final String RESOURCE = "contract/persisted-operations.json";

    private PersistedOperationManifest() {
    }

    /** {@code args}: the directory of the operation documents, the manifest file to write. */
    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: PersistedOperationManifest OPERATIONS_DIRECTORY MANIFEST_FILE");
        }
        Path output = Path.of(args[1]);
        Files.createDirectories(output.toAbsolutePath().getParent());
        Files.writeString(output, json(OperationDocuments.read(Path.of(args[0]))), StandardCharsets.UTF_8);
    }

    /** The manifest's text: one operation per line, so that a change between builds reads as a plain diff. */
    public static String json(List<OperationDocuments.Operation> operations) {
        StringBuilder json = new StringBuilder("{\n  \"format\": \"apollo-persisted-query-manifest\",\n")
                .append("  \"version\": 1,\n  \"operations\": [\n");
        for (int i = 0; i < operations.size(); i++) {
            OperationDocuments.Operation operation = operations.get(i);
            json.append("    {\"id\": ").append(quoted(operation.id()))
                    .append(", \"name\": ").append(quoted(operation.name()))
                    .append(", \"type\": ").append(quoted(operation.type()))
                    .append(", \"body\": ").append(quoted(operation.body())).append('}')
                    .append(i < operations.size() - 1 ? ",\n" : "\n");
        }
        return json.append("  ]\n}\n").toString();
    }

    private static String quoted(String text) {
        StringBuilder quoted = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                quoted.append('\\').append(c);
            } else if (c < 0x20) {
                quoted.append(String.format("\\u%04x", (int) c));
            } else {
                quoted.append(c);
            }
        }
        return quoted.append('"').toString();
    }
}
