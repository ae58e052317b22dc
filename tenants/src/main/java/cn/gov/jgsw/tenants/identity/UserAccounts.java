package cn.gov.jgsw.tenants.identity;

import cn.gov.jgsw.tenants.api.TenantDocuments;
import cn.gov.jgsw.tenants.api.PersonDirectory;
import cn.gov.jgsw.tenants.api.PersonView;
import cn.gov.jgsw.tenants.api.Role;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsPasswordService;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The people who sign in, in the {@code users} collection. A login name is unique across the platform because the
 * sign-in form does not ask for a bureau. Indexes: unique {@code username}; {@code {tenantId: 1, _id: 1}}.
 */
@Component
public class UserAccounts implements UserDetailsService, UserDetailsPasswordService, PersonDirectory {

    private final MongoCollection<Document> users;

    public UserAccounts(MongoDatabase platformDatabase) {
        this.users = platformDatabase.getCollection("users");
        users.createIndex(Indexes.ascending("username"), new IndexOptions().unique(true));
        users.createIndex(Indexes.ascending("tenantId", "_id"));
    }

    public void save(PlatformUser user) {
        Document document = new Document("_id", user.id())
                .append("tenantId", user.tenantId())
                .append("username", user.username())
                .append("passwordHash", user.passwordHash())
                .append("displayName", user.displayName())
                .append("unitId", user.unitId())
                .append("roles", user.roles().stream().map(Role::name).sorted().toList())
                .append("enabled", user.enabled());
        users.replaceOne(Filters.eq("_id", user.id()), document, new ReplaceOptions().upsert(true));
    }

    public Optional<PlatformUser> findByUsername(String username) {
        return Optional.ofNullable(users.find(Filters.eq("username", username)).first()).map(UserAccounts::user);
    }

    @Override
    public Optional<PersonView> findPerson(String tenantId, String userId) {
        Document found = TenantDocuments.find(users, tenantId, userId);
        return Optional.ofNullable(found).map(UserAccounts::user).map(PlatformUser::view);
    }

    @Override
    public List<PersonView> findPeople(String tenantId, Collection<String> userIds) {
        return users.find(Filters.and(Filters.eq("tenantId", tenantId), Filters.in("_id", userIds)))
                .map(UserAccounts::user).map(PlatformUser::view).into(new ArrayList<>());
    }

    @Override
    public List<String> idsWithRole(String tenantId, Role role) {
        return users.find(Filters.and(Filters.eq("tenantId", tenantId), Filters.eq("roles", role.name()),
                        Filters.eq("enabled", true)))
                .map(document -> document.getString("_id")).into(new ArrayList<>());
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        PlatformUser user = findByUsername(username)
                .orElseThrow(() -> new UsernameNotFoundException("no such user"));
        return User.withUsername(user.username())
                .password(user.passwordHash())
                .disabled(!user.enabled())
                .authorities(user.roles().stream().map(r -> "ROLE_" + r.name()).toArray(String[]::new))
                .build();
    }

    /** Spring Security calls this after a sign-in whose hash uses an outdated scheme: the new hash replaces it. */
    @Override
    public UserDetails updatePassword(UserDetails user, String newPasswordHash) {
        users.updateOne(Filters.eq("username", user.getUsername()), Updates.set("passwordHash", newPasswordHash));
        return User.withUserDetails(user).password(newPasswordHash).build();
    }

    private static PlatformUser user(Document document) {
        Set<Role> roles = document.getList("roles", String.class).stream()
                .map(Role::valueOf)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
        return new PlatformUser(document.getString("_id"), document.getString("tenantId"),
                document.getString("username"), document.getString("passwordHash"),
                document.getString("displayName"), document.getString("unitId"), roles,
                document.getBoolean("enabled", true));
    }
}
