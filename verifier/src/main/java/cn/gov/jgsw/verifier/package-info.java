/**
 * The offline evidence verifier (离线核验程序): checks an evidence bundle with nothing but the bundle and, optionally, a
 * public key obtained separately. Runs from its own jar; nothing of the platform is on its class path.
 */
package cn.gov.jgsw.verifier;
