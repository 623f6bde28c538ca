"""Flooding Monitor's domain core: pure Python + NumPy, no Qt and no Bluetooth.

Samples from any strap go through artifact cleaning, a windowed heart-rate
estimate and a flooding detector that exists in a streaming form (live) and a
batch form (history); both give the same answer by construction and by test.
"""

__version__ = "0.1.0"
