package cn.gov.jgsw.graphql.people;

import cn.gov.jgsw.tenants.api.PersonView;
import cn.gov.jgsw.tenants.api.Role;
import cn.gov.jgsw.tenants.api.TenantView;
import cn.gov.jgsw.tenants.api.UnitView;

import java.util.List;

/** The {@code Me} type: the signed-in person, their bureau, unit and roles. */
public record Me(PersonView person, TenantView bureau, UnitView unit, List<Role> roles) {
}
