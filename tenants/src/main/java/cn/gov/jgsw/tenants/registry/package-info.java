/**
 * The tenant registry in MongoDB: bureaus, their parent links and their GB/T 2260 division codes over time, and the
 * units of each bureau.
 */
package cn.gov.jgsw.tenants.registry;
