"""Files and streams other tools read and write: recordings in, session files, CSV, XDF, FIT, Lab Streaming Layer."""
