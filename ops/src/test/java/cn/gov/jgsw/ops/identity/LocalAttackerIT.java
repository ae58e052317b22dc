package cn.gov.jgsw.ops.identity;

import cn.gov.jgsw.ops.ledger.TreeHeadSigner;
import cn.gov.jgsw.ops.secrets.KeyEncryptionKeyFile;
import cn.gov.jgsw.ops.storage.EmbeddedMongoServer;
import cn.gov.jgsw.ops.support.LandedStore;
import cn.gov.jgsw.ops.support.MobileApp;
import cn.gov.jgsw.ops.support.PlatformIT;
import cn.gov.jgsw.ops.support.StoreDump;
import cn.gov.jgsw.ops.support.StoreProbe;
import cn.gov.jgsw.ops.support.TemporaryData;
import cn.gov.jgsw.tenants.secrets.DataKeyring;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64URL;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * What an attacker on the same machine tried against the landed code (issue 25), each now refused: another user of the
 * machine connects to the store and reads it, or reads its file; a TCP port of the store answers anyone; a copy of the
 * data directory or a dump of the database holds the keys that sign tokens and tree heads in clear (with which a token
 * of the province's supervisor was minted and accepted). Each check is shown able to fail by a control: the same probe
 * succeeds where it should, and the same key extraction finds the keys of the store the landed code wrote.
 * <p>
 * The embedded store only; against a MongoDB given by URI these are that database's own controls (docs/security.md).
 */
class LocalAttackerIT extends PlatformIT {

    private static final String NOBODY = "65534";

    @Autowired(required = false)
    private EmbeddedMongoServer store;

    @Autowired
    private DataKeyring keyring;

    @Autowired
    private TreeHeadSigner signer;

    @BeforeEach
    void onTheEmbeddedStore() {
        assumeTrue(store != null, "the embedded store is not in use");
    }

    @Test
    void anotherUserOfTheMachineCannotReachTheStoreNorReadItsFiles() throws Exception {
        assumeTrue(runningAsRoot() && Files.isExecutable(Path.of("/usr/bin/setpriv")),
                "dropping to another user needs root and setpriv (CI runs as root)");
        Path probe = worldReadableProbe();
        Path openSocket = probe.getParent().resolve("open.sock");
        try (ServerSocketChannel control = answeringSocketOpenToEveryone(openSocket)) {
            Thread answering = answerOnce(control);

            List<String> asNobody = runProbe(probe, NOBODY, store.socketPath().toString(),
                    store.storeFile().getParent().toString(), store.storeFile().toString());
            List<String> controlAsNobody = runProbe(probe, NOBODY, openSocket.toString());
            List<String> asThePlatformsUser = runProbe(probe, null, store.socketPath().toString());

            answering.join(10_000);
            assertThat(asNobody).hasSize(3);
            assertThat(asNobody.get(0)).startsWith("socket REFUSED").contains("Permission denied");
            assertThat(asNobody.get(1)).isEqualTo("directory REFUSED AccessDeniedException: "
                    + store.storeFile().getParent());
            assertThat(asNobody.get(2)).isEqualTo("file REFUSED AccessDeniedException: " + store.storeFile());
            assertThat(controlAsNobody).as("the same probe as the same user reaches a socket open to it")
                    .containsExactly("socket ANSWERED opCode 1");
            assertThat(asThePlatformsUser).as("the platform's own user reaches the store")
                    .containsExactly("socket ANSWERED opCode 2013");
        } finally {
            TemporaryData.delete(probe.getParent());
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(store.storeFile().getParent())))
                .isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(store.socketPath())))
                .isEqualTo("rw-------");
    }

    @Test
    void noTcpPortOfThePlatformAnswersAsADatabase() throws Exception {
        MongoServer control = new MongoServer(new MemoryBackend());
        int controlPort = control.bind().getPort();
        try {
            Map<Integer, InetAddress> listening = listeningTcpPortsOfThisProcess();
            assertThat(listening).containsKeys(controlPort, Integer.parseInt(
                    baseUrl().substring(baseUrl().lastIndexOf(':') + 1)));
            assertThat(answersAsMongoDb(listening.get(controlPort), controlPort))
                    .as("the probe knows a database when it meets one").isTrue();
        } finally {
            control.shutdownNow();
        }

        List<Integer> answering = new ArrayList<>();
        for (Map.Entry<Integer, InetAddress> listener : listeningTcpPortsOfThisProcess().entrySet()) {
            if (answersAsMongoDb(listener.getValue(), listener.getKey())) {
                answering.add(listener.getKey());
            }
        }

        assertThat(answering).isEmpty();
        assertThat(store.connectionString()).startsWith("mongodb://%2F").endsWith(".sock");
    }

    @Test
    void aCopyOfTheDataDirectoryOrADumpHoldsNoSecretInClear() throws Exception {
        triggerEverySecret();
        List<String> secrets = everySecretInEveryForm();
        Path copy = TemporaryData.directory("stolen-data-");
        try {
            List<String> copiedFiles = new ArrayList<>();
            try (Stream<Path> files = Files.list(store.storeFile().getParent())) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    Files.copy(file, copy.resolve(file.getFileName()));
                    copiedFiles.add(new String(Files.readAllBytes(copy.resolve(file.getFileName())),
                            StandardCharsets.ISO_8859_1));
                }
            }
            StoreDump dump = StoreDump.of(platformDatabase);

            assertThat(String.join("", copiedFiles)).as("the copy shows what it holds in clear")
                    .contains(ledgerPublicKey("bureau-nanming"));
            assertThat(dump.holds(ledgerPublicKey("bureau-nanming"))).isTrue();
            for (String secret : secrets) {
                assertThat(copiedFiles).as("a copy of the data directory").noneMatch(file -> file.contains(secret));
                assertThat(dump.holds(secret)).as("a dump of the database").isFalse();
            }
        } finally {
            TemporaryData.delete(copy);
        }
    }

    @Test
    void aDumpYieldsNoKeyThatSignsATokenOrATreeHeadAsTheLandedStoreDid() throws Exception {
        triggerEverySecret();
        Set<String> ledgerPublicKeys = new HashSet<>();
        platformDatabase.getCollection("ledger_signing_keys").find()
                .forEach(key -> ledgerPublicKeys.add(key.getString("publicKey")));

        StoreDump dump = StoreDump.of(platformDatabase);

        assertThat(ledgerPublicKeys).hasSizeGreaterThanOrEqualTo(6);
        assertThat(dump.privateJsonWebKeys()).as("keys that would mint tokens").isEmpty();
        assertThat(dump.ledgerPrivateKeysOf(ledgerPublicKeys)).as("keys that would sign tree heads").isEmpty();

        Path landed = TemporaryData.directory("landed-store-");
        LandedStore.unpackInto(landed);
        try (EmbeddedMongoServer earlier = EmbeddedMongoServer.start(landed, true);
             MongoClient client = MongoClients.create(earlier.connectionString())) {
            StoreDump earlierDump = StoreDump.of(client.getDatabase("jgsw"));
            Set<String> earlierLedgerKeys = new HashSet<>();
            client.getDatabase("jgsw").getCollection("ledger_signing_keys").find()
                    .forEach(key -> earlierLedgerKeys.add(key.getString("publicKey")));

            assertThat(earlierDump.privateJsonWebKeys()).as("the landed store's token signing key, found")
                    .isNotEmpty();
            assertThat(earlierDump.ledgerPrivateKeysOf(earlierLedgerKeys)).as("its ledger keys, found")
                    .hasSameSizeAs(earlierLedgerKeys);
        } finally {
            TemporaryData.delete(landed);
        }
    }

    // ---- the secrets, as the running platform holds them ----------------------------------------------------------

    /** Signs a tree head of every bureau, so that every bureau's ledger key exists. */
    private void triggerEverySecret() {
        for (String bureau : List.of("bureau-guizhou", "bureau-guiyang", "bureau-nanming", "bureau-yunyan",
                "bureau-zunyi", "bureau-tongzi")) {
            ledgerPublicKey(bureau);
        }
    }

    private String ledgerPublicKey(String bureau) {
        return signer.publicKeyOf(bureau);
    }

    /**
     * Every secret of the platform, in every form a file or a document could hold it: the private parts of every
     * signing key (a retired one included), every bureau's ledger key, the cursor key, the key-encryption key, and the
     * tokens of a sign-in made for the purpose.
     */
    private List<String> everySecretInEveryForm() {
        List<byte[]> secrets = new ArrayList<>();
        List<String> forms = new ArrayList<>();
        for (RSAKey signing : platformSigningKeys()) {
            for (Base64URL part : List.of(signing.getPrivateExponent(), signing.getFirstPrimeFactor(),
                    signing.getSecondPrimeFactor())) {
                secrets.add(part.decode());
            }
        }
        JsonNode tokens = new MobileApp(baseUrl()).signIn("tongzi.approver", MobileApp.DEMO_PASSWORD,
                MobileApp.LOOPBACK_REDIRECT);
        for (String token : List.of("access_token", "refresh_token", "id_token")) {
            forms.add(tokens.get(token).asText());
        }
        platformDatabase.getCollection("ledger_signing_keys").find().forEach(key -> secrets.add(HexFormat.of()
                .parseHex(new String(keyring.open("ledger_signing_keys/" + key.getString("_id") + "/privateKey",
                        key.getString("privateKey")), StandardCharsets.US_ASCII))));
        Document cursorKey = platformDatabase.getCollection("platform_secrets")
                .find(Filters.eq("_id", "cursor-hmac-key")).first();
        secrets.add(keyring.open("platform_secrets/cursor-hmac-key/key", cursorKey.getString("key")));
        secrets.add(KeyEncryptionKeyFile.read(KeyEncryptionKeyFile.besideDataDirectory(store.storeFile().getParent()))
                .bytes());
        assertThat(secrets).hasSizeGreaterThanOrEqualTo(3 + 6 + 2);
        for (byte[] secret : secrets) {
            forms.add(HexFormat.of().formatHex(secret));
            forms.add(HexFormat.of().withUpperCase().formatHex(secret));
            forms.add(Base64.getEncoder().withoutPadding().encodeToString(secret));
            forms.add(Base64.getUrlEncoder().withoutPadding().encodeToString(secret));
            forms.add(new String(secret, StandardCharsets.ISO_8859_1));
        }
        return forms;
    }

    // ---- another user of the machine ------------------------------------------------------------------------------

    private static boolean runningAsRoot() throws IOException {
        return ((Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid")) == 0;
    }

    /** The probe's source in a directory every user may read. */
    private static Path worldReadableProbe() throws IOException {
        Path directory = Files.createTempDirectory("store-probe-");
        Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path probe = directory.resolve("StoreProbe.java");
        Files.copy(Path.of("src/test/java/cn/gov/jgsw/ops/support/StoreProbe.java"), probe);
        Files.setPosixFilePermissions(probe, PosixFilePermissions.fromString("rw-r--r--"));
        return probe;
    }

    /** Runs the probe with Java's source launcher, as the given user (null: as this process's user). */
    private static List<String> runProbe(Path probe, String uid, String... arguments) throws Exception {
        List<String> command = new ArrayList<>();
        if (uid != null) {
            command.addAll(List.of("/usr/bin/setpriv", "--reuid=" + uid, "--regid=" + uid, "--clear-groups"));
        }
        command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:-UsePerfData", "-Xmx64m", probe.toString()));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).directory(probe.getParent().toFile())
                .redirectErrorStream(true);
        builder.environment().put("HOME", probe.getParent().toString());
        Process process = builder.start();
        String printed = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(printed).isZero();
        return printed.lines().toList();
    }

    private static ServerSocketChannel answeringSocketOpenToEveryone(Path path) throws IOException {
        ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(path));
        Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rwxrwxrwx"));
        return server;
    }

    /** Reads a request and answers a reply header with opCode 1, as a database of the old protocol would. */
    private static Thread answerOnce(ServerSocketChannel server) {
        Thread thread = new Thread(() -> {
            try (SocketChannel client = server.accept()) {
                client.read(ByteBuffer.allocate(1024));
                client.write(ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putInt(16).putInt(1).putInt(1)
                        .putInt(1).flip());
            } catch (IOException closed) {
                // The test reports what the probe saw.
            }
        }, "open-socket-control");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    // ---- TCP ------------------------------------------------------------------------------------------------------

    /**
     * The TCP ports this process listens on, each with an address to reach it at: the listening sockets of the
     * namespace (IPv4 and IPv6) whose inode is one of this process's descriptors. A wildcard listener is reached on
     * loopback.
     */
    private static Map<Integer, InetAddress> listeningTcpPortsOfThisProcess() throws IOException {
        Set<String> ourSockets = new HashSet<>();
        try (Stream<Path> descriptors = Files.list(Path.of("/proc/self/fd"))) {
            for (Path descriptor : descriptors.toList()) {
                try {
                    String target = Files.readSymbolicLink(descriptor).toString();
                    if (target.startsWith("socket:[")) {
                        ourSockets.add(target.substring(8, target.length() - 1));
                    }
                } catch (IOException closedMeanwhile) {
                    // A descriptor closed while listing.
                }
            }
        }
        Map<Integer, InetAddress> ports = new HashMap<>();
        for (String table : List.of("/proc/self/net/tcp", "/proc/self/net/tcp6")) {
            Path file = Path.of(table);
            if (!Files.exists(file)) {
                continue;
            }
            List<String> lines = Files.readAllLines(file);
            for (String line : lines.subList(1, lines.size())) {
                String[] columns = line.trim().split("\\s+");
                if ("0A".equals(columns[3]) && ourSockets.contains(columns[9])) {
                    String[] local = columns[1].split(":");
                    ports.put(Integer.parseInt(local[1], 16), reachableAddress(local[0]));
                }
            }
        }
        return ports;
    }

    /** The kernel's hex of a local address (32-bit words in host order, little-endian here); wildcard: loopback. */
    private static InetAddress reachableAddress(String hex) throws IOException {
        byte[] address = new byte[hex.length() / 2];
        for (int word = 0; word < address.length / 4; word++) {
            for (int b = 0; b < 4; b++) {
                address[word * 4 + b] = (byte) Integer.parseInt(hex.substring(word * 8 + (3 - b) * 2,
                        word * 8 + (3 - b) * 2 + 2), 16);
            }
        }
        InetAddress listening = InetAddress.getByAddress(address);
        if (!listening.isAnyLocalAddress()) {
            return listening;
        }
        return address.length == 4 ? InetAddress.getByName("127.0.0.1") : InetAddress.getByName("::1");
    }

    /** Sends MongoDB's hello and answers whether a MongoDB reply to it came back. */
    private static boolean answersAsMongoDb(InetAddress address, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address, port), 2_000);
            socket.setSoTimeout(3_000);
            OutputStream out = socket.getOutputStream();
            out.write(StoreProbe.hello(4242));
            out.flush();
            byte[] header = socket.getInputStream().readNBytes(16);
            if (header.length < 16) {
                return false;
            }
            ByteBuffer reply = ByteBuffer.wrap(header).order(ByteOrder.LITTLE_ENDIAN);
            int responseTo = reply.getInt(8);
            int opCode = reply.getInt(12);
            return responseTo == 4242 && (opCode == 1 || opCode == 2013);
        } catch (IOException notADatabase) {
            return false;
        }
    }
}
