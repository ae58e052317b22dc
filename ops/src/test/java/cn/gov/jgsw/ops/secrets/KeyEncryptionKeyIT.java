package cn.gov.jgsw.ops.secrets;

import cn.gov.jgsw.ops.PlatformApplication;
import cn.gov.jgsw.ops.ledger.TreeHeadSigner;
import cn.gov.jgsw.ops.support.GraphQlClient;
import cn.gov.jgsw.ops.support.MobileApp;
import cn.gov.jgsw.ops.support.PlatformProcess;
import cn.gov.jgsw.ops.support.TemporaryData;
import cn.gov.jgsw.tenants.secrets.KeyEncryptionKey;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The key-encryption key at start and while running: replaced by the operator's command
 * ({@code ops/bin/rotate-key-encryption-key.sh}) while the platform serves, after which the store opens with the new
 * key only, the keys it wraps unchanged; a wrong or missing key stops the start-up with a message that names the key
 * the store needs, before anything is served.
 */
class KeyEncryptionKeyIT {

    private static final String OPERATOR = "Basic " + Base64.getEncoder()
            .encodeToString("ops:ops-demo-2026".getBytes(StandardCharsets.UTF_8));
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final Path root = TemporaryData.directory("kek-it-");
    private final Path data = root.resolve("data");
    private final Path keyFile = root.resolve("keys/key-encryption-key");
    private final int port = PlatformProcess.freePort();
    private ConfigurableApplicationContext platform;

    @AfterEach
    void stop() {
        if (platform != null) {
            platform.close();
        }
        TemporaryData.delete(root);
    }

    @Test
    void theKeyIsReplacedWhileRunningAndTheStoreThenOpensWithTheNewKeyOnly() throws Exception {
        KeyEncryptionKey first = KeyEncryptionKeyFile.create(keyFile);
        platform = start("--jgsw.secrets.key-encryption-key-file=" + keyFile);
        String token = MobileApp.accessTokenOf(baseUrl(), "nanming.civil-servant");
        String ledgerKey = platform.getBean(TreeHeadSigner.class).publicKeyOf("bureau-nanming");

        Command rotated = rotate(keyFile, baseUrl());

        assertThat(rotated.exitCode()).as(rotated.printed()).isZero();
        KeyEncryptionKey second = KeyEncryptionKeyFile.read(keyFile);
        Path retired = retiredBeside(keyFile);
        assertThat(second.id()).isNotEqualTo(first.id());
        assertThat(KeyEncryptionKeyFile.read(retired).id()).isEqualTo(first.id());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile))).isEqualTo("rw-------");
        assertThat(operatorGet("/actuator/keyencryptionkey").get("keyEncryptionKey").asText()).isEqualTo(second.id());
        assertThat(me(token)).as("serving on").isEqualTo("bureau-nanming");
        platform.close();
        platform = null;

        assertThatThrownBy(() -> start("--jgsw.secrets.key-encryption-key-file=" + retired))
                .rootCause().hasMessage("The key-encryption key " + first.id() + " does not open this store's data "
                        + "key, which is wrapped under " + second.id() + ": start with the key-encryption key this "
                        + "store was written with (a restored backup needs the key it was taken under)");
        platform = start("--jgsw.secrets.key-encryption-key-file=" + keyFile);

        assertThat(me(token)).as("a token signed before, verified by the same key, now opened with the new one")
                .isEqualTo("bureau-nanming");
        assertThat(platform.getBean(TreeHeadSigner.class).publicKeyOf("bureau-nanming")).isEqualTo(ledgerKey);
    }

    @Test
    void aReplacementThatCouldNotBeReadAtTheNextStartIsRefusedAndChangesNothing() throws Exception {
        KeyEncryptionKey inUse = KeyEncryptionKeyFile.create(keyFile);
        platform = start("--jgsw.secrets.key-encryption-key-file=" + keyFile);
        Path openToAll = root.resolve("keys/open-to-all");
        KeyEncryptionKeyFile.create(openToAll);
        Files.setPosixFilePermissions(openToAll, PosixFilePermissions.fromString("rw-r--r--"));

        HttpResponse<String> relative = operatorPost("/actuator/keyencryptionkey", "{\"newKeyFile\":\"keys/next\"}");
        HttpResponse<String> readable = operatorPost("/actuator/keyencryptionkey",
                "{\"newKeyFile\":\"" + openToAll + "\"}");
        HttpResponse<String> same = operatorPost("/actuator/keyencryptionkey", "{\"newKeyFile\":\"" + keyFile + "\"}");
        HttpResponse<String> anonymous = HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl()
                        + "/actuator/keyencryptionkey")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"newKeyFile\":\"" + openToAll + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(relative.statusCode()).isEqualTo(400);
        assertThat(relative.body()).contains("absolute path");
        assertThat(readable.statusCode()).isEqualTo(400);
        assertThat(readable.body()).contains("may be read or written by other users of this machine (its group or "
                + "everybody): chmod 600");
        assertThat(same.statusCode()).isEqualTo(400);
        assertThat(same.body()).contains("is the one in use");
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(operatorGet("/actuator/keyencryptionkey").get("keyEncryptionKey").asText()).isEqualTo(inUse.id());
    }

    @Test
    void withoutItsKeyTheDemoDoesNotMakeANewOneForAStoreThatHasKeys() {
        KeyEncryptionKey made;
        platform = start();
        made = KeyEncryptionKeyFile.read(KeyEncryptionKeyFile.besideDataDirectory(data));
        platform.close();
        platform = null;
        TemporaryData.delete(KeyEncryptionKeyFile.besideDataDirectory(data).getParent());

        assertThatThrownBy(this::start).rootCause().hasMessage("No key-encryption key file at "
                + KeyEncryptionKeyFile.besideDataDirectory(data) + ", and this store's keys are wrapped under "
                + made.id() + ": give that key's file with JGSW_KEY_ENCRYPTION_KEY_FILE");
        assertThat(KeyEncryptionKeyFile.besideDataDirectory(data)).doesNotExist();
    }

    /** Whether the platform took the new key cannot be told: both files are kept, and the operator is told so. */
    @Test
    void aReplacementWithoutAnAnswerKeepsBothKeysUntilTheOperatorDecides() throws Exception {
        KeyEncryptionKey inUse = KeyEncryptionKeyFile.create(keyFile);
        String nowhere = "http://127.0.0.1:" + PlatformProcess.freePort();

        Command unanswered = rotate(keyFile, nowhere);
        Command again = rotate(keyFile, nowhere);

        assertThat(unanswered.exitCode()).isEqualTo(1);
        assertThat(unanswered.printed()).contains("cannot tell which key the platform uses now");
        assertThat(KeyEncryptionKeyFile.read(keyFile).id()).isEqualTo(inUse.id());
        assertThat(KeyEncryptionKeyFile.read(keyFile.resolveSibling("key-encryption-key.next"))).isNotNull();
        assertThat(again.exitCode()).isEqualTo(1);
        assertThat(again.printed()).contains("an earlier replacement did not finish");
    }

    @Test
    void aKeyFileInsideTheDataDirectoryIsRefused() {
        Path inside = data.resolve("key-encryption-key");

        assertThatThrownBy(() -> start("--jgsw.secrets.key-encryption-key-file=" + inside)).rootCause()
                .hasMessageContaining("lies inside the data directory " + data + ": a copy of the data would carry "
                        + "the key that opens it");
        assertThat(inside).doesNotExist();
    }

    private ConfigurableApplicationContext start(String... arguments) {
        List<String> command = new ArrayList<>(List.of("--spring.profiles.active=demo",
                "--server.port=" + port, "--jgsw.storage.data-directory=" + data, "--jgsw.storage.uri=",
                "--spring.boot.admin.client.enabled=false", "--jgsw.ledger.tree-head-interval=1d"));
        command.addAll(List.of(arguments));
        return new SpringApplicationBuilder(PlatformApplication.class).run(command.toArray(String[]::new));
    }

    private String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    private String me(String token) {
        return new GraphQlClient(baseUrl(), token).execute(GraphQlClient.operation("Me")).data()
                .at("/me/bureau/id").asText();
    }

    private record Command(int exitCode, String printed) {
    }

    private static Command rotate(Path file, String platform) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(Path.of("bin", "rotate-key-encryption-key.sh").toAbsolutePath()
                .toString(), file.toString()).redirectErrorStream(true);
        builder.environment().put("JGSW_URL", platform);
        Process process = builder.start();
        String printed = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(1, TimeUnit.MINUTES)).isTrue();
        return new Command(process.exitValue(), printed);
    }

    private static Path retiredBeside(Path file) throws Exception {
        try (Stream<Path> siblings = Files.list(file.getParent())) {
            List<Path> retired = siblings.filter(path -> path.getFileName().toString()
                    .startsWith(file.getFileName() + ".retired-")).toList();
            assertThat(retired).hasSize(1);
            return retired.get(0);
        }
    }

    private JsonNode operatorGet(String path) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl() + path))
                .header("Authorization", OPERATOR).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return new ObjectMapper().readTree(response.body());
    }

    private HttpResponse<String> operatorPost(String path, String json) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).header("Authorization", OPERATOR)
                        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json))
                        .build(), HttpResponse.BodyHandlers.ofString());
    }
}
