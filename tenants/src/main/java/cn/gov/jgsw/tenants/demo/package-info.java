/**
 * Demo data of the demo profile: the Guizhou bureaus of DOMAIN.md, their units and one person per role. Never active
 * in production.
 */
package cn.gov.jgsw.tenants.demo;
