/**
 * Specimen receipts for testing and benchmarking recognition: {@link org.huzhu.recognition.specimen.ReceiptFaker}
 * makes up a receipt's truth from a seed, {@link org.huzhu.recognition.specimen.ReceiptLayout} lays the national
 * template out in millimetres, and the PNG, PDF and OFD renderers draw that same page;
 * {@link org.huzhu.recognition.specimen.SpecimenWriter} writes sets with a truth.json for the bench.
 */
package org.huzhu.recognition.specimen;
