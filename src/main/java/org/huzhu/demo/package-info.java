/**
 * Demo mode ({@code ./huzhu run}): seeds a Hubei-like organisation tree, about thirty units of
 * every ownership type, about three thousand enrolled members (two thirds of them agreeing to
 * publicity texts) and the demo accounts of the public contract — once; a restart finds the
 * data and seeds nothing.
 */
package org.huzhu.demo;
