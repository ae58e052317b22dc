package cn.gov.jgsw.tenants.demo;

import cn.gov.jgsw.tenants.api.Role;
import cn.gov.jgsw.tenants.api.UnitView;
import cn.gov.jgsw.tenants.identity.PlatformUser;
import cn.gov.jgsw.tenants.identity.UserAccounts;
import cn.gov.jgsw.tenants.registry.Bureau;
import cn.gov.jgsw.tenants.registry.MongoTenantRegistry;
import cn.gov.jgsw.tenants.registry.MongoUnitRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import cn.gov.jgsw.tenants.identity.PasswordPolicy;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

import java.util.Locale;
import java.util.Set;

/**
 * Seeds the demo bureaus, two units each and one person per role per bureau (two drivers), logins
 * {@code <bureau>.<role>} (e.g. {@code nanming.civil-servant}) with the demo password {@value #DEMO_PASSWORD}.
 * Seeding is idempotent: existing records are replaced with the same content, so a restart changes nothing.
 */
@Component
@Profile("demo")
@Order(Ordered.HIGHEST_PRECEDENCE)
public class DemoDataSeeder implements ApplicationRunner {

    /** The demo password of every demo login. Demo profile only; docs/configuration.md says so. */
    public static final String DEMO_PASSWORD = "Demo@2026";

    private static final Logger log = LoggerFactory.getLogger(DemoDataSeeder.class);

    private final MongoTenantRegistry tenants;
    private final MongoUnitRegistry units;
    private final UserAccounts users;
    private final PasswordEncoder passwordEncoder;

    DemoDataSeeder(MongoTenantRegistry tenants, MongoUnitRegistry units, UserAccounts users,
                   PasswordEncoder passwordEncoder) {
        this.tenants = tenants;
        this.units = units;
        this.users = users;
        this.passwordEncoder = passwordEncoder;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!PasswordPolicy.check(null, DEMO_PASSWORD).isEmpty()) {
            throw new IllegalStateException("The demo password breaks the password policy");
        }
        // One hash for all demo logins: hashing ~50 passwords at every start would cost seconds for nothing.
        String passwordHash = passwordEncoder.encode(DEMO_PASSWORD);
        int people = 0;
        for (Bureau bureau : DemoBureaus.all()) {
            tenants.register(bureau);
            String office = bureau.id() + "-office";
            String motorPool = bureau.id() + "-motor-pool";
            units.register(new UnitView(office, bureau.id(), "办公室"));
            units.register(new UnitView(motorPool, bureau.id(), "车队"));
            String prefix = DemoBureaus.loginPrefix(bureau.id());
            for (Role role : Role.values()) {
                String roleName = role.name().toLowerCase(Locale.ROOT).replace('_', '-');
                people += seed(bureau, prefix + "." + roleName, "user-" + prefix + "-" + roleName,
                        displayName(bureau, role), role == Role.DRIVER ? motorPool : office, role, passwordHash);
            }
            // A second driver, so that a dispatcher has a choice and double booking can be shown.
            people += seed(bureau, prefix + ".driver-2", "user-" + prefix + "-driver-2",
                    displayName(bureau, Role.DRIVER) + "二", motorPool, Role.DRIVER, passwordHash);
        }
        log.info("Demo data ready: {} bureaus, {} people (password in docs/configuration.md)", DemoBureaus.all().size(), people);
    }

    private int seed(Bureau bureau, String username, String userId, String displayName, String unitId, Role role,
                     String passwordHash) {
        if (users.findByUsername(username).isEmpty()) {
            users.save(new PlatformUser(userId, bureau.id(), username, passwordHash, displayName, unitId, Set.of(role),
                    true));
        }
        return 1;
    }

    private static String displayName(Bureau bureau, Role role) {
        return bureau.name() + " " + switch (role) {
            case CIVIL_SERVANT -> "公务员";
            case APPROVER -> "审批人";
            case DISPATCHER -> "调度员";
            case DRIVER -> "驾驶员";
            case PROPERTY_STAFF -> "物业人员";
            case ASSET_MANAGER -> "资产管理员";
            case ENERGY_MANAGER -> "能源管理员";
            case BUREAU_ADMIN -> "单位管理员";
            case SUPERVISOR -> "监督人员";
        };
    }
}
