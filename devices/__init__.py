"""Heart-rate sources: BLE straps (bleak, bumble), a simulated strap and file replay."""
