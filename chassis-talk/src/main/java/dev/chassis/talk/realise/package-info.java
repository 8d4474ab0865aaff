/**
 * Offline realisation of directives: templates in the session's language, registered with the
 * offline engine through core's {@link dev.chassis.core.model.OfflineRealiser} SPI.
 */
package dev.chassis.talk.realise;
