/**
 * The personal-settings view: each person's settings as the app shows them.
 */
package cn.gov.jgsw.projections.personalsettings;
