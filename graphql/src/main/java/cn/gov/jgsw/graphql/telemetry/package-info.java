/** The machine door for vehicle terminals: batches of positions from a bureau's GPS/Beidou gateway. */
package cn.gov.jgsw.graphql.telemetry;
