/** The bureau's designated suppliers (定点供应商) as a read model. */
package cn.gov.jgsw.projections.suppliers;
