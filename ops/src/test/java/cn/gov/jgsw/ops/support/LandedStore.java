package cn.gov.jgsw.ops.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The store the landed code wrote before ADR 0024, every key in clear, kept as a fixture
 * ({@code stores/landed-a172b08/README.md}): unpacked into a data directory, with what that build answered.
 */
public final class LandedStore {

    private static final String FIXTURE = "/stores/landed-a172b08/";

    private LandedStore() {
    }

    /** Unpacks the store file into the (new) data directory. */
    public static Path unpackInto(Path dataDirectory) {
        try (ZipInputStream zip = new ZipInputStream(resource("platform.mv.zip"))) {
            ZipEntry entry = zip.getNextEntry();
            Files.createDirectories(dataDirectory);
            Path storeFile = dataDirectory.resolve(entry.getName());
            Files.copy(zip, storeFile);
            return storeFile;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What the build answered: {@code refreshToken}, {@code orderId}, {@code port}, {@code myVehicleOrdersPage}. */
    public static JsonNode answers() {
        try (InputStream in = resource("landed-store.json")) {
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The evidence bundle of bureau-nanming that build exported. */
    public static Path evidenceOfNanming(Path directory) {
        try (InputStream in = resource("evidence-nanming.zip")) {
            Path bundle = directory.resolve("landed-evidence-nanming.zip");
            Files.copy(in, bundle);
            return bundle;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream resource(String name) {
        InputStream in = LandedStore.class.getResourceAsStream(FIXTURE + name);
        if (in == null) {
            throw new IllegalStateException("missing test resource " + FIXTURE + name);
        }
        return in;
    }
}
