package cn.gov.jgsw.tenants.identity;

import cn.gov.jgsw.tenants.api.SecretSealer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.jackson2.SecurityJackson2Modules;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.core.OAuth2Token;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationCode;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.jackson2.OAuth2AuthorizationServerJackson2Module;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The authorization server's record of sign-ins (codes, access, refresh and ID tokens) in MongoDB, so that a restart
 * or another node signs nobody out. One document per authorization in {@code oauth2_authorizations}; every token and
 * state is found through {@code oauth2_token_lookup}, keyed by kind and SHA-256 of the value, so every look-up is an
 * exact {@code _id} match.
 * <p>
 * Refresh tokens replaced by rotation stay in the look-up as "rotated": presenting one again revokes the whole sign-in,
 * its newest refresh token included (RFC 9700 §4.14.2). An authorization is forgotten once all its tokens expired (a
 * pending request after {@link #PENDING_REQUEST_LIFETIME}), by a sweep at most every {@link #SWEEP_INTERVAL}.
 * <p>
 * The store must hand token values back, so they are kept, but only sealed ({@link SecretSealer}, ADR 0024), beside
 * the SHA-256 that finds them: whoever reads this collection, a dump or a backup without the key-encryption key holds
 * no usable token. Sign-ins whose tokens an earlier version stored in clear are revoked at the first start.
 */
final class MongoAuthorizationService implements OAuth2AuthorizationService {

    static final Duration PENDING_REQUEST_LIFETIME = Duration.ofMinutes(10);
    static final Duration SWEEP_INTERVAL = Duration.ofSeconds(30);

    private static final Logger logger = LoggerFactory.getLogger(MongoAuthorizationService.class);
    private static final String STATE = "state";
    private static final String CODE = "code";
    private static final String ACCESS = "access";
    private static final String REFRESH = "refresh";
    private static final String ID_TOKEN = "id_token";
    private static final String ROTATED = "rotated";
    private static final List<String> ALL_KINDS = List.of(ACCESS, REFRESH, CODE, ID_TOKEN, STATE);

    static final String COLLECTION = "oauth2_authorizations";
    private static final List<String> TOKEN_KINDS = List.of(CODE, ACCESS, REFRESH, ID_TOKEN);

    private final MongoCollection<Document> authorizations;
    private final MongoCollection<Document> lookup;
    private final RegisteredClientRepository clients;
    private final SecretSealer sealer;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper();
    private volatile Instant lastSweep = Instant.MIN;

    MongoAuthorizationService(MongoDatabase database, RegisteredClientRepository clients, SecretSealer sealer,
                              Clock clock) {
        this.authorizations = database.getCollection(COLLECTION);
        this.lookup = database.getCollection("oauth2_token_lookup");
        this.clients = clients;
        this.sealer = sealer;
        this.clock = clock;
        ClassLoader classLoader = MongoAuthorizationService.class.getClassLoader();
        json.registerModules(SecurityJackson2Modules.getModules(classLoader));
        json.registerModule(new OAuth2AuthorizationServerJackson2Module());
        sealer.migrateClearSecretsOnce(COLLECTION, this::revokeClearSignIns);
    }

    @Override
    public void save(OAuth2Authorization authorization) {
        sweepNowAndThen();
        Document previous = authorizations.find(Filters.eq("_id", authorization.getId())).first();
        List<String> rotated = previous == null ? new ArrayList<>() : new ArrayList<>(previous.getList(ROTATED, String.class, List.of()));
        String previousRefresh = previous == null ? null : hashOf(previous, REFRESH);
        String refresh = authorization.getRefreshToken() == null ? null
                : sha256(authorization.getRefreshToken().getToken().getTokenValue());
        if (previousRefresh != null && !previousRefresh.equals(refresh)) {
            rotated.add(ROTATED + ":" + previousRefresh);
        }
        Date forgetAfter = Date.from(lastExpiry(authorization));
        Document document = toDocument(authorization).append(ROTATED, rotated).append("forgetAfter", forgetAfter);
        authorizations.replaceOne(Filters.eq("_id", authorization.getId()), document, new ReplaceOptions().upsert(true));
        List<String> keys = new ArrayList<>(rotated);
        keys.addAll(tokenKeys(document));
        for (String key : keys) {
            lookup.replaceOne(Filters.eq("_id", key), new Document("_id", key)
                    .append("authorization", authorization.getId()).append("forgetAfter", forgetAfter),
                    new ReplaceOptions().upsert(true));
        }
        if (previous != null) {
            Set<String> stale = new HashSet<>(tokenKeys(previous));
            stale.removeAll(keys);
            stale.forEach(key -> lookup.deleteOne(Filters.eq("_id", key)));
        }
    }

    @Override
    public void remove(OAuth2Authorization authorization) {
        Document stored = authorizations.find(Filters.eq("_id", authorization.getId())).first();
        if (stored != null) {
            removeStored(stored);
        }
        authorizations.deleteOne(Filters.eq("_id", authorization.getId()));
    }

    private void removeStored(Document stored) {
        List<String> keys = new ArrayList<>(stored.getList(ROTATED, String.class, List.of()));
        keys.addAll(tokenKeys(stored));
        keys.forEach(key -> lookup.deleteOne(Filters.eq("_id", key)));
        authorizations.deleteOne(Filters.eq("_id", stored.getString("_id")));
    }

    @Override
    public OAuth2Authorization findById(String id) {
        return fromDocument(authorizations.find(Filters.eq("_id", id)).first());
    }

    /**
     * A refresh token that was already rotated away is presented again: either the app or a thief holds a copy. The
     * whole sign-in is revoked and the caller finds nothing.
     */
    @Override
    public OAuth2Authorization findByToken(String token, OAuth2TokenType tokenType) {
        if (tokenType == null || OAuth2TokenType.REFRESH_TOKEN.equals(tokenType)) {
            Document reused = lookup.find(Filters.eq("_id", key(ROTATED, token))).first();
            if (reused != null) {
                OAuth2Authorization signIn = findById(reused.getString("authorization"));
                if (signIn != null) {
                    remove(signIn);
                    logger.warn("A rotated refresh token was used again; sign-in {} of {} revoked", signIn.getId(),
                            signIn.getPrincipalName());
                }
                return null;
            }
        }
        for (String kind : kindsOf(tokenType)) {
            Document found = lookup.find(Filters.eq("_id", key(kind, token))).first();
            if (found != null) {
                OAuth2Authorization authorization = findById(found.getString("authorization"));
                return authorization != null && holds(authorization, kind, token) ? authorization : null;
            }
        }
        return null;
    }

    /**
     * True if the sign-in's own token of that kind is the one presented: the look-up is a hint, the sealed value is
     * the record (a look-up entry written by someone else points nowhere useful).
     */
    private static boolean holds(OAuth2Authorization authorization, String kind, String token) {
        if (STATE.equals(kind)) {
            return token.equals(authorization.getAttribute(OAuth2ParameterNames.STATE));
        }
        OAuth2Authorization.Token<? extends OAuth2Token> held = switch (kind) {
            case CODE -> authorization.getToken(OAuth2AuthorizationCode.class);
            case ACCESS -> authorization.getToken(OAuth2AccessToken.class);
            case REFRESH -> authorization.getToken(OAuth2RefreshToken.class);
            case ID_TOKEN -> authorization.getToken(OidcIdToken.class);
            default -> null;
        };
        return held != null && MessageDigest.isEqual(held.getToken().getTokenValue().getBytes(StandardCharsets.UTF_8),
                token.getBytes(StandardCharsets.UTF_8));
    }

    private static List<String> kindsOf(OAuth2TokenType tokenType) {
        if (tokenType == null) {
            return ALL_KINDS;
        }
        return switch (tokenType.getValue()) {
            case OAuth2ParameterNames.STATE -> List.of(STATE);
            case OAuth2ParameterNames.CODE -> List.of(CODE);
            case OAuth2ParameterNames.ACCESS_TOKEN -> List.of(ACCESS);
            case OAuth2ParameterNames.REFRESH_TOKEN -> List.of(REFRESH);
            case OidcParameterNames.ID_TOKEN -> List.of(ID_TOKEN);
            default -> List.of();
        };
    }

    // ---- mapping ---------------------------------------------------------------------------------------------------

    private Document toDocument(OAuth2Authorization authorization) {
        Document document = new Document("_id", authorization.getId())
                .append("client", authorization.getRegisteredClientId())
                .append("principal", authorization.getPrincipalName())
                .append("grantType", authorization.getAuthorizationGrantType().getValue())
                .append("scopes", List.copyOf(authorization.getAuthorizedScopes()))
                .append("attributes", write(authorization.getAttributes()))
                .append(STATE, authorization.getAttribute(OAuth2ParameterNames.STATE));
        String id = authorization.getId();
        token(document, id, CODE, authorization.getToken(OAuth2AuthorizationCode.class));
        token(document, id, ACCESS, authorization.getToken(OAuth2AccessToken.class));
        token(document, id, REFRESH, authorization.getToken(OAuth2RefreshToken.class));
        token(document, id, ID_TOKEN, authorization.getToken(OidcIdToken.class));
        OAuth2Authorization.Token<OAuth2AccessToken> access = authorization.getAccessToken();
        if (access != null) {
            document.get(ACCESS, Document.class)
                    .append("type", access.getToken().getTokenType().getValue())
                    .append("scopes", List.copyOf(access.getToken().getScopes()));
        }
        return document;
    }

    private void token(Document document, String authorizationId, String kind,
                       OAuth2Authorization.Token<? extends OAuth2Token> token) {
        if (token == null) {
            return;
        }
        OAuth2Token value = token.getToken();
        document.append(kind, new Document("value", sealer.seal(context(authorizationId, kind),
                        value.getTokenValue().getBytes(StandardCharsets.UTF_8)))
                .append("sha256", sha256(value.getTokenValue()))
                .append("issuedAt", value.getIssuedAt() == null ? null : value.getIssuedAt().toString())
                .append("expiresAt", value.getExpiresAt() == null ? null : value.getExpiresAt().toString())
                .append("metadata", write(token.getMetadata())));
    }

    private OAuth2Authorization fromDocument(Document document) {
        if (document == null || document.getDate("forgetAfter").toInstant().isBefore(clock.instant())) {
            return null;
        }
        RegisteredClient client = clients.findById(document.getString("client"));
        if (client == null) {
            return null;
        }
        String id = document.getString("_id");
        for (String kind : TOKEN_KINDS) {
            Document token = document.get(kind, Document.class);
            if (token != null && !sealer.isSealed(token.getString("value"))) {
                logger.warn(sealer.refuseClear(COLLECTION, id).getMessage());
                return null;
            }
        }
        Map<String, Object> attributes = read(document.getString("attributes"));
        OAuth2Authorization.Builder builder = OAuth2Authorization.withRegisteredClient(client)
                .id(document.getString("_id"))
                .principalName(document.getString("principal"))
                .authorizationGrantType(new AuthorizationGrantType(document.getString("grantType")))
                .authorizedScopes(new HashSet<>(document.getList("scopes", String.class, List.of())))
                .attributes(existing -> existing.putAll(attributes));
        Document code = document.get(CODE, Document.class);
        if (code != null) {
            builder.token(new OAuth2AuthorizationCode(tokenValue(id, CODE, code), instant(code, "issuedAt"),
                    instant(code, "expiresAt")), metadata -> metadata.putAll(read(code.getString("metadata"))));
        }
        Document access = document.get(ACCESS, Document.class);
        if (access != null) {
            OAuth2AccessToken.TokenType type = OAuth2AccessToken.TokenType.DPOP.getValue()
                    .equalsIgnoreCase(access.getString("type"))
                    ? OAuth2AccessToken.TokenType.DPOP : OAuth2AccessToken.TokenType.BEARER;
            builder.token(new OAuth2AccessToken(type, tokenValue(id, ACCESS, access), instant(access, "issuedAt"),
                            instant(access, "expiresAt"), new HashSet<>(access.getList("scopes", String.class, List.of()))),
                    metadata -> metadata.putAll(read(access.getString("metadata"))));
        }
        Document idToken = document.get(ID_TOKEN, Document.class);
        if (idToken != null) {
            Map<String, Object> metadata = read(idToken.getString("metadata"));
            @SuppressWarnings("unchecked")
            Map<String, Object> claims = (Map<String, Object>) metadata.get(OAuth2Authorization.Token.CLAIMS_METADATA_NAME);
            builder.token(new OidcIdToken(tokenValue(id, ID_TOKEN, idToken), instant(idToken, "issuedAt"),
                    instant(idToken, "expiresAt"), claims), existing -> existing.putAll(metadata));
        }
        Document refresh = document.get(REFRESH, Document.class);
        if (refresh != null) {
            builder.token(new OAuth2RefreshToken(tokenValue(id, REFRESH, refresh), instant(refresh, "issuedAt"),
                    instant(refresh, "expiresAt")), metadata -> metadata.putAll(read(refresh.getString("metadata"))));
        }
        return builder.build();
    }

    private static List<String> tokenKeys(Document document) {
        List<String> keys = new ArrayList<>();
        for (String kind : TOKEN_KINDS) {
            String hash = hashOf(document, kind);
            if (hash != null) {
                keys.add(kind + ":" + hash);
            }
        }
        if (document.getString(STATE) != null) {
            keys.add(key(STATE, document.getString(STATE)));
        }
        return keys;
    }

    /** The SHA-256 of a stored token's value; an earlier version stored the value itself in clear. */
    private static String hashOf(Document document, String kind) {
        Document token = document.get(kind, Document.class);
        if (token == null) {
            return null;
        }
        String hash = token.getString("sha256");
        return hash != null ? hash : sha256(token.getString("value"));
    }

    private String tokenValue(String authorizationId, String kind, Document token) {
        return new String(sealer.open(context(authorizationId, kind), token.getString("value")), StandardCharsets.UTF_8);
    }

    private static String context(String authorizationId, String kind) {
        return COLLECTION + "/" + authorizationId + "/" + kind;
    }

    /** The look-up key of a token: its kind and the SHA-256 of its value (the value itself is not a key). */
    private static String key(String kind, String value) {
        return kind + ":" + sha256(value);
    }

    private static String sha256(String value) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Sign-ins whose tokens an earlier version stored in clear went wherever copies of the data went: they are revoked,
     * and their people sign in again once.
     */
    private void revokeClearSignIns() {
        int revoked = 0;
        for (Document authorization : authorizations.find()) {
            boolean clear = TOKEN_KINDS.stream().map(kind -> authorization.get(kind, Document.class))
                    .anyMatch(token -> token != null && !sealer.isSealed(token.getString("value")));
            if (clear) {
                removeStored(authorization);
                revoked++;
            }
        }
        if (revoked > 0) {
            logger.warn("Revoked {} sign-ins whose tokens an earlier version stored in clear (copies of the data hold "
                    + "them): their people sign in again", revoked);
        }
    }

    private static Instant instant(Document token, String field) {
        String value = token.getString(field);
        return value == null ? null : Instant.parse(value);
    }

    private String write(Map<String, Object> map) {
        try {
            return json.writeValueAsString(map);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("An authorization attribute cannot be stored", e);
        }
    }

    private Map<String, Object> read(String text) {
        try {
            return json.readValue(text, new TypeReference<Map<String, Object>>() {
            });
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("A stored authorization attribute cannot be read", e);
        }
    }

    // ---- forgetting --------------------------------------------------------------------------------------------------

    /** A sweep reads the whole collection on the embedded server: at most every half minute. */
    private void sweepNowAndThen() {
        Instant now = clock.instant();
        if (now.isAfter(lastSweep.plus(SWEEP_INTERVAL))) {
            lastSweep = now;
            Date cutoff = Date.from(now);
            authorizations.deleteMany(Filters.lt("forgetAfter", cutoff));
            lookup.deleteMany(Filters.lt("forgetAfter", cutoff));
        }
    }

    long size() {
        return authorizations.countDocuments(Filters.gte("forgetAfter", Date.from(clock.instant())));
    }

    private Instant lastExpiry(OAuth2Authorization authorization) {
        Instant pending = clock.instant().plus(PENDING_REQUEST_LIFETIME);
        return Stream.of(authorization.getToken(OAuth2AuthorizationCode.class), authorization.getAccessToken(),
                        authorization.getRefreshToken(), authorization.getToken(OidcIdToken.class))
                .filter(Objects::nonNull)
                .map(OAuth2Authorization.Token::getToken)
                .map(OAuth2Token::getExpiresAt)
                .filter(Objects::nonNull)
                .reduce(pending, (a, b) -> a.isAfter(b) ? a : b);
    }
}
