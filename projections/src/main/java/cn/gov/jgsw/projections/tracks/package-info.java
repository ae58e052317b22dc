/** What every keeper of position fixes shares. */
package cn.gov.jgsw.projections.tracks;
