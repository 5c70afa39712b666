// The duty rota screens, in the organizer's lazy chunk.
import './duties-screen.js';
import './duty-screen.js';
import './duty-month-screen.js';
