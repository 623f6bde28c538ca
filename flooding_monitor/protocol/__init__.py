"""The seed's pause: its timer and return, the breathing pacer, what a pause did to the body."""
