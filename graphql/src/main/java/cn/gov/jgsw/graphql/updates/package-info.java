/** Updates pushed to the phone over WebSocket: what waits for me, what happened to my requests. */
package cn.gov.jgsw.graphql.updates;
