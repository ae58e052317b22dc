/**
 * The fleet view (车辆与驾驶员): each bureau's vehicles and drivers and the periods they are reserved, for the
 * dispatcher's choice of a free vehicle and driver.
 */
package cn.gov.jgsw.projections.fleet;
