/**
 * People of a bureau (人员) and their personal settings. Personal details (names, phone numbers) stay outside events;
 * events here carry ids and settings only.
 */
package cn.gov.jgsw.domain.people;
